#include "ingest/jsonlines/log_field_values.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "ingest/syslog/syslog_priority.h"
#include "model/severity.h"

namespace weft::ingest {

namespace {

// The largest magnitude read as seconds, milliseconds and microseconds.
constexpr double kMaxSeconds = 1e11;
constexpr double kMaxMillis = 1e14;
constexpr double kMaxMicros = 1e17;

struct NamedLevel {
  std::string_view name;
  int32_t number;
};

constexpr std::array<NamedLevel, 17> kLevelNames{{
    {"trace", 1},
    {"debug", 5},
    {"info", 9},
    {"information", 9},
    {"notice", 10},
    {"warn", 13},
    {"warning", 13},
    {"error", 17},
    {"err", 17},
    {"crit", 18},
    {"critical", 18},
    {"alert", 19},
    {"dpanic", 19},
    {"fatal", 21},
    {"panic", 21},
    {"emerg", 21},
    {"emergency", 21},
}};

struct PinoLevel {
  int64_t min;
  int32_t number;
  std::string_view name;
};

constexpr std::array<PinoLevel, 6> kPinoLevels{{
    {60, 21, "fatal"},
    {50, 17, "error"},
    {40, 13, "warn"},
    {30, 9, "info"},
    {20, 5, "debug"},
    {10, 1, "trace"},
}};

// Nanoseconds per unit of an epoch number of this magnitude.
int64_t unit_of(double value) {
  return value < kMaxSeconds  ? 1'000'000'000
         : value < kMaxMillis ? 1'000'000
         : value < kMaxMicros ? 1'000
                              : 1;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

bool is_epoch_text(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos;
}

}  // namespace

// The whole and the fractional part are scaled apart, so that 1795428245.25 s and
// 1795428245123.0 ms give exact nanoseconds (a double has no 19 significant digits).
std::optional<UnixNanos> epoch_number_to_nanos(double value) {
  if (!std::isfinite(value) || value <= 0 || value >= 9.2e18) return std::nullopt;
  int64_t unit = unit_of(value);
  double whole = std::floor(value);
  auto nanos = static_cast<int64_t>(whole);
  if (nanos >= INT64_MAX / unit) return std::nullopt;  // past 2262
  return nanos * unit + std::llround((value - whole) * static_cast<double>(unit));
}

std::optional<UnixNanos> epoch_number_to_nanos(int64_t value) {
  if (value <= 0) return std::nullopt;
  int64_t unit = unit_of(static_cast<double>(value));
  if (value > INT64_MAX / unit) return std::nullopt;  // past 2262
  return value * unit;
}

std::optional<UnixNanos> parse_log_time_text(std::string_view text) {
  if (is_epoch_text(text)) {
    if (text.find('.') == std::string_view::npos) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec == std::errc() && end == text.data() + text.size()) return epoch_number_to_nanos(v);
      return std::nullopt;
    }
    double d = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec == std::errc() && end == text.data() + text.size()) return epoch_number_to_nanos(d);
    return std::nullopt;
  }
  if (Result<UnixNanos> t = parse_time(text); t.is_ok()) return *t;
  if (text.size() < 19 || text.size() > 40) return std::nullopt;
  std::string utc(text);
  utc += 'Z';  // no zone: read as UTC
  if (Result<UnixNanos> t = parse_time(utc); t.is_ok()) return *t;
  return std::nullopt;
}

LogLevel level_from_text(std::string_view text) {
  LogLevel level{0, std::string(text)};
  for (const NamedLevel& named : kLevelNames)
    if (iequals(text, named.name)) {
      level.severity_number = named.number;
      return level;
    }
  level.severity_number = effective_severity(0, text);
  return level;
}

LogLevel level_from_number(int64_t number) {
  if (number >= 0 && number <= 7) {
    int severity = static_cast<int>(number);
    return {syslog_severity_number(severity), std::string(syslog_severity_text(severity))};
  }
  for (const PinoLevel& pino : kPinoLevels)
    if (number >= pino.min) return {pino.number, std::string(pino.name)};
  return {0, std::to_string(number)};
}

}  // namespace weft::ingest
