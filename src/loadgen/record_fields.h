// The few fields of a log record that the Loki and Elasticsearch encoders write, in the shape
// those formats want: a lower-case level name, the body as text, resource attributes as text.
#pragma once

#include <string>
#include <string_view>

#include "model/log_record.h"

namespace weft::loadgen {

// "trace", "debug", "info", "warn", "error", "fatal" from the severity number (or from the
// severity text when the number is 0); "info" when both are absent.
std::string_view level_name(const LogRecord& record);

// The body as text: a string body as is; other kinds as their JSON; "" for an empty body.
std::string body_text(const LogRecord& record);

// A string resource attribute of the record, or "" when absent (or the resource is null).
std::string_view resource_string(const LogRecord& record, std::string_view key);

}  // namespace weft::loadgen
