// The encoders of the stream protocols of `weft loadgen` (written to a TCP connection as they
// are, several records per write):
//
//   syslog     RFC 5424 messages with octet-counting framing (RFC 6587), as rsyslog's omfwd
//              sends them: "<LEN> <PRI>1 TIMESTAMP HOST APP - - [trace@32473 trace_id=".."
//              span_id=".."] MSG". PRI is local0 with the record's severity (info 6, warn 4,
//              error 3, debug 7, fatal 2); HOST and APP are the host.name and service.name.
//   jsonlines  one JSON object per line, as pino and zerolog write them: {"time":RFC 3339,
//              "level":"info","msg":..,"service":..,"hostname":..,"trace_id":..,"span_id":..,
//              and the record's attributes}.
#pragma once

#include <string>

#include "model/log_record.h"

namespace weft::loadgen {

std::string encode_syslog_frames(const LogBatch& batch);
std::string encode_json_lines(const LogBatch& batch);

}  // namespace weft::loadgen
