#include "ingest/syslog/syslog_message.h"

namespace weft::ingest {

void SyslogMessage::clear() {
  format = Format::kRfc5424;
  priority.reset();
  time = 0;
  hostname = app_name = procid = msgid = message = {};
  structured_data.clear();
}

}  // namespace weft::ingest
