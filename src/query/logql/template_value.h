// TemplateValue: a value inside a line_format / label_format template - nothing, a string,
// an integer, a float, a bool, or a time (unix nanoseconds) - with Go's text/template
// printing and truthiness.
// Thread safety: a value type.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "common/status.h"

namespace weft::logql {

struct TemplateTime {
  int64_t nanos = 0;
};

struct TemplateValue {
  std::variant<std::monostate, std::string, int64_t, double, bool, TemplateTime> v;

  TemplateValue() = default;
  TemplateValue(std::string s) : v(std::move(s)) {}          // NOLINT
  TemplateValue(const char* s) : v(std::string(s)) {}        // NOLINT
  TemplateValue(int64_t i) : v(i) {}                          // NOLINT
  TemplateValue(int i) : v(static_cast<int64_t>(i)) {}       // NOLINT
  TemplateValue(double d) : v(d) {}                          // NOLINT
  TemplateValue(bool b) : v(b) {}                            // NOLINT
  TemplateValue(TemplateTime t) : v(t) {}                    // NOLINT

  bool is_nil() const { return v.index() == 0; }
  const std::string* string() const { return std::get_if<std::string>(&v); }
  // Go's truth: false, 0, "", nil are false.
  bool truthy() const;
  // As {{ . }} prints it ("<no value>" for nil, Go's %v for numbers and times).
  std::string print() const;
  // Sprig's conversions (strings are parsed; failures give 0).
  int64_t to_int() const;
  double to_float() const;
  std::string to_string() const { return is_nil() ? "" : print(); }
};

// Go's %v of a float64 ('g' with the shortest digits, exponent past 1e21).
std::string go_format_float_v(double d);
// Go's time.Time.String() in UTC: "2024-01-02 03:04:05.123 +0000 UTC".
std::string go_time_string(int64_t nanos);
// Formats a time with a Go layout ("2006-01-02T15:04:05Z07:00"), in UTC.
std::string go_format_time(int64_t nanos, std::string_view layout);
// Parses a time with a Go layout (UTC unless the layout has a zone); kInvalidArgument else.
Result<int64_t> go_parse_time(std::string_view layout, std::string_view text);

}  // namespace weft::logql
