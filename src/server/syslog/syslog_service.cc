#include "server/syslog/syslog_service.h"

#include "ingest/syslog/syslog_decoder.h"

namespace weft::server {

StreamService syslog_service(std::string listen, std::string tenant) {
  StreamService service;
  service.name = "syslog";
  service.listen = std::move(listen);
  service.udp = true;
  service.framing = ingest::Framing::kSyslog;
  service.max_frame_bytes = kSyslogMaxMessageBytes;
  service.tenant = std::move(tenant);
  service.make_decoder = [] { return std::make_unique<ingest::SyslogDecoder>(); };
  return service;
}

}  // namespace weft::server
