#include "server/jsonlines/jsonlines_service.h"

#include "ingest/jsonlines/jsonlines_decoder.h"

namespace weft::server {

StreamService jsonlines_service(std::string listen, std::string tenant,
                                ingest::JsonLinesFields fields) {
  StreamService service;
  service.name = "jsonlines";
  service.listen = std::move(listen);
  service.udp = false;
  service.framing = ingest::Framing::kLines;
  service.max_frame_bytes = kJsonLinesMaxLineBytes;
  service.tenant = std::move(tenant);
  service.make_decoder = [fields = std::move(fields)] {
    return std::make_unique<ingest::JsonLinesDecoder>(fields);
  };
  return service;
}

}  // namespace weft::server
