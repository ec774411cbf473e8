#include "query/logql/units.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace weft::logql {

namespace {

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kSecond = kNanosPerSecond;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

Status bad_duration(std::string_view text) {
  return Status::invalid("not a valid duration string: \"" + std::string(text) + "\"");
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Multiplies and adds with overflow checks.
bool add_scaled(int64_t& total, int64_t value, int64_t unit) {
  int64_t scaled;
  if (__builtin_mul_overflow(value, unit, &scaled)) return false;
  return !__builtin_add_overflow(total, scaled, &total);
}

}  // namespace

Result<int64_t> parse_prometheus_duration(std::string_view text) {
  if (text == "0") return int64_t{0};
  if (text.empty()) return bad_duration(text);
  struct Unit { std::string_view name; int64_t nanos; };
  static const Unit kUnits[] = {{"y", 365 * kDay}, {"w", 7 * kDay}, {"d", kDay}, {"h", kHour},
                                {"m", kMinute},    {"s", kSecond},  {"ms", kMs}};
  int64_t total = 0;
  size_t next_unit = 0;  // units must come in falling order, each at most once
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start) return bad_duration(text);
    int64_t value = 0;
    auto [p, ec] = std::from_chars(text.data() + start, text.data() + i, value);
    if (ec != std::errc()) return bad_duration(text);
    size_t unit_start = i;
    while (i < text.size() && !is_digit(text[i])) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    size_t u = next_unit;
    while (u < std::size(kUnits) && kUnits[u].name != unit) ++u;
    if (u == std::size(kUnits)) return bad_duration(text);
    if (!add_scaled(total, value, kUnits[u].nanos)) return bad_duration(text);
    next_unit = u + 1;
  }
  return total;
}

Result<int64_t> parse_go_duration(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return int64_t{0};
  if (s.empty()) return Status::invalid("time: invalid duration \"" + std::string(text) + "\"");
  long double total = 0;
  while (!s.empty()) {
    size_t i = 0;
    while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
    std::string_view number = s.substr(0, i);
    if (number.empty() || number == "." || number.find('.') != number.rfind('.'))
      return Status::invalid("time: invalid duration \"" + std::string(text) + "\"");
    size_t j = i;
    while (j < s.size() && !is_digit(s[j]) && s[j] != '.') ++j;
    std::string unit(s.substr(i, j - i));
    long double scale;
    if (unit == "ns") scale = 1;
    else if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs") scale = 1e3;
    else if (unit == "ms") scale = 1e6;
    else if (unit == "s") scale = 1e9;
    else if (unit == "m") scale = 60e9;
    else if (unit == "h") scale = 3600e9;
    else if (unit.empty())
      return Status::invalid("time: missing unit in duration \"" + std::string(text) + "\"");
    else
      return Status::invalid("time: unknown unit \"" + unit + "\" in duration \"" +
                             std::string(text) + "\"");
    total += std::strtold(std::string(number).c_str(), nullptr) * scale;
    s.remove_prefix(j);
  }
  if (total > static_cast<long double>(std::numeric_limits<int64_t>::max()))
    return Status::invalid("time: invalid duration \"" + std::string(text) + "\"");
  int64_t v = static_cast<int64_t>(total);
  return negative ? -v : v;
}

Result<int64_t> parse_duration_literal(std::string_view text) {
  auto prom = parse_prometheus_duration(text);
  if (prom.is_ok()) return prom;
  return parse_go_duration(text);
}

Result<uint64_t> parse_bytes(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == ',')) ++i;
  std::string number;
  for (char c : text.substr(0, i))
    if (c != ',') number += c;
  if (number.empty() || number == ".")
    return Status::invalid("strconv.ParseFloat: parsing \"" + std::string(text) + "\": invalid syntax");
  size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  std::string unit;
  for (char c : text.substr(j)) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  struct Unit { const char* name; long double mult; };
  static const Unit kUnits[] = {
      {"", 1},          {"b", 1},          {"k", 1e3},           {"kb", 1e3},
      {"ki", 1024.0L},  {"kib", 1024.0L},  {"m", 1e6},           {"mb", 1e6},
      {"mi", 1048576.0L}, {"mib", 1048576.0L}, {"g", 1e9},       {"gb", 1e9},
      {"gi", 1073741824.0L}, {"gib", 1073741824.0L}, {"t", 1e12}, {"tb", 1e12},
      {"ti", 1099511627776.0L}, {"tib", 1099511627776.0L}, {"p", 1e15}, {"pb", 1e15},
      {"pi", 1125899906842624.0L}, {"pib", 1125899906842624.0L}};
  for (const Unit& u : kUnits) {
    if (unit != u.name) continue;
    long double v = std::strtold(number.c_str(), nullptr) * u.mult;
    if (v >= 18446744073709551615.0L) return Status::invalid("too large: " + std::string(text));
    return static_cast<uint64_t>(v);
  }
  return Status::invalid("unhandled size name: " + unit);
}

std::string format_prometheus_duration(int64_t nanos) {
  int64_t ms = nanos / kMs;
  if (ms == 0) return "0s";
  std::string out;
  if (ms < 0) {
    out = "-";
    ms = -ms;
  }
  auto part = [&](const char* unit, int64_t mult, bool exact) {
    if (exact && ms % mult != 0) return;
    int64_t v = ms / mult;
    if (v > 0) {
      out += std::to_string(v) + unit;
      ms -= v * mult;
    }
  };
  part("y", 1000LL * 60 * 60 * 24 * 365, true);
  part("w", 1000LL * 60 * 60 * 24 * 7, true);
  part("d", 1000LL * 60 * 60 * 24, false);
  part("h", 1000LL * 60 * 60, false);
  part("m", 1000LL * 60, false);
  part("s", 1000, false);
  part("ms", 1, false);
  return out;
}

namespace {

// Appends v / 10^digits with trailing zeros of the fraction removed.
void append_fraction(std::string& out, uint64_t v, int digits) {
  uint64_t pow = 1;
  for (int i = 0; i < digits; ++i) pow *= 10;
  out += std::to_string(v / pow);
  uint64_t frac = v % pow;
  if (frac == 0) return;
  std::string f = std::to_string(frac);
  f = std::string(digits - f.size(), '0') + f;
  while (!f.empty() && f.back() == '0') f.pop_back();
  out += '.' + f;
}

}  // namespace

std::string format_go_duration(int64_t nanos) {
  if (nanos == 0) return "0s";
  std::string out;
  uint64_t u = nanos < 0 ? static_cast<uint64_t>(-(nanos + 1)) + 1 : static_cast<uint64_t>(nanos);
  if (nanos < 0) out = "-";
  if (u < static_cast<uint64_t>(kSecond)) {
    if (u < 1000) return out + std::to_string(u) + "ns";
    if (u < 1000000) {
      append_fraction(out, u, 3);
      return out + "\xc2\xb5s";
    }
    append_fraction(out, u, 6);
    return out + "ms";
  }
  uint64_t hours = u / kHour;
  u -= hours * kHour;
  uint64_t minutes = u / kMinute;
  u -= minutes * kMinute;
  if (hours > 0) out += std::to_string(hours) + "h";
  if (hours > 0 || minutes > 0) out += std::to_string(minutes) + "m";
  append_fraction(out, u, 9);
  return out + "s";
}

std::string format_bytes_si(uint64_t bytes) {
  if (bytes < 10) return std::to_string(bytes) + " B";
  static const char* kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  double e = std::floor(std::log(static_cast<double>(bytes)) / std::log(1000.0));
  int ei = static_cast<int>(e);
  double val = std::floor(static_cast<double>(bytes) / std::pow(1000.0, e) * 10 + 0.5) / 10;
  char buf[64];
  std::snprintf(buf, sizeof buf, val < 10 ? "%.1f %s" : "%.0f %s", val, kUnits[ei]);
  return buf;
}

std::string format_float_plain(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[512];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  return std::string(buf, p);
}

std::string format_sample_value(double v) { return format_float_plain(v); }

}  // namespace weft::logql
