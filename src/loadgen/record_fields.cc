#include "loadgen/record_fields.h"

#include <cctype>

#include "common/json_writer.h"

namespace weft::loadgen {

namespace {

std::string_view level_from_number(int32_t n) {
  if (n <= 0) return "";
  if (n <= 4) return "trace";
  if (n <= 8) return "debug";
  if (n <= 12) return "info";
  if (n <= 16) return "warn";
  if (n <= 20) return "error";
  return "fatal";
}

std::string_view level_from_text(std::string_view text) {
  auto starts = [&](std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
  };
  for (std::string_view level : {"trace", "debug", "info", "warn", "error", "fatal"})
    if (starts(level)) return level;
  return "info";
}

}  // namespace

std::string_view level_name(const LogRecord& record) {
  std::string_view by_number = level_from_number(record.severity_number);
  if (!by_number.empty()) return by_number;
  return level_from_text(record.severity_text);
}

std::string body_text(const LogRecord& record) {
  if (const std::string* s = record.body.as_string()) return *s;
  if (record.body.empty()) return {};
  JsonWriter w;
  write_any_value_json(w, record.body);
  return w.take();
}

std::string_view resource_string(const LogRecord& record, std::string_view key) {
  if (!record.resource) return "";
  const AnyValue* v = find_attribute(record.resource->attributes, key);
  const std::string* s = v ? v->as_string() : nullptr;
  return s ? std::string_view(*s) : std::string_view();
}

}  // namespace weft::loadgen
