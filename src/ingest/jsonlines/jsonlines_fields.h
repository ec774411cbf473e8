// JsonLinesFields: which JSON fields of a line carry a record's time, message, level, service,
// trace id and span id. Each role has a list of candidate names, tried in order: the first one
// present in the line wins (the others stay ordinary attributes). A dotted name also matches
// nested objects ("service.name" matches {"service":{"name":...}}).
//
// The defaults recognise the common structured loggers:
//   zap        {"level","ts" (epoch seconds, float),"msg","caller"}
//   zerolog    {"level","time","message"}
//   logrus     {"level","time" (RFC 3339),"msg"}
//   pino       {"level" (10-60),"time" (epoch ms),"msg","pid","hostname"}
//   bunyan     {"v","level" (10-60),"name","hostname","pid","time" (ISO),"msg"}
//   structlog  {"event","level","timestamp"}
//   OTel-like
//   {"timestamp","severity","body","trace_id"/"traceId","span_id"/"spanId","service.name"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace weft::ingest {

struct JsonLinesFields {
  std::vector<std::string> time{"time", "timestamp", "ts", "@timestamp"};
  std::vector<std::string> message{"msg", "message", "body", "event"};
  std::vector<std::string> level{"level", "severity", "log.level", "lvl", "levelname"};
  std::vector<std::string> service{"service.name", "service", "name"};
  std::vector<std::string> trace_id{"trace_id", "traceId", "trace.id"};
  std::vector<std::string> span_id{"span_id", "spanId", "span.id"};
};

// "time,ts" -> {"time", "ts"} (spaces around names are dropped). kInvalidArgument for an
// empty list or an empty name.
Result<std::vector<std::string>> parse_field_list(std::string_view text);

// {"time", "ts"} -> "time,ts".
std::string join_field_list(const std::vector<std::string>& names);

}  // namespace weft::ingest
