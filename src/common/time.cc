#include "common/time.h"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>

namespace weft {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

bool parse_digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

Status bad_time(std::string_view text) {
  return Status::invalid("expected RFC 3339 time or unix nanoseconds, got \"" +
                         std::string(text.substr(0, 64)) + "\"");
}

// Parses ".123456789" at pos; returns the nanoseconds and advances pos.
int64_t parse_fraction(std::string_view s, size_t& pos) {
  if (pos >= s.size() || s[pos] != '.') return 0;
  ++pos;
  int64_t nanos = 0;
  int digits = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    if (digits < 9) nanos = nanos * 10 + (s[pos] - '0');
    ++digits;
    ++pos;
  }
  for (int i = digits; i < 9; ++i) nanos *= 10;
  return digits == 0 ? -1 : nanos;
}

// Parses "Z", "+hh:mm" or "-hh:mm"; returns the offset in seconds or nullopt-like sentinel.
bool parse_offset(std::string_view s, size_t pos, int64_t& offset_seconds) {
  if (pos + 1 == s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    offset_seconds = 0;
    return true;
  }
  int hh = 0, mm = 0;
  if (pos + 6 != s.size() || (s[pos] != '+' && s[pos] != '-') || s[pos + 3] != ':') return false;
  if (!parse_digits(s, pos + 1, 2, hh) || !parse_digits(s, pos + 4, 2, mm)) return false;
  offset_seconds = (hh * 3600 + mm * 60) * (s[pos] == '-' ? -1 : 1);
  return true;
}

Result<UnixNanos> parse_rfc3339(std::string_view s) {
  int y, mo, d, h, mi, se;
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':')
    return bad_time(s);
  if (!parse_digits(s, 0, 4, y) || !parse_digits(s, 5, 2, mo) || !parse_digits(s, 8, 2, d) ||
      !parse_digits(s, 11, 2, h) || !parse_digits(s, 14, 2, mi) || !parse_digits(s, 17, 2, se))
    return bad_time(s);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return bad_time(s);
  size_t pos = 19;
  int64_t frac = parse_fraction(s, pos);
  if (frac < 0) return bad_time(s);
  int64_t offset = 0;
  if (!parse_offset(s, pos, offset)) return bad_time(s);
  int64_t secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset;
  // Unix nanoseconds in an int64 reach from 1677 to 2262.
  constexpr int64_t kMaxSeconds = INT64_MAX / kNanosPerSecond - 1;
  if (secs > kMaxSeconds || secs < -kMaxSeconds) return bad_time(s);
  return secs * kNanosPerSecond + frac;
}

}  // namespace

// Howard Hinnant's days_from_civil algorithm.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

unsigned days_in_month(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int64_t unix_seconds_from_civil(int64_t year, unsigned month, unsigned day, int hour, int minute,
                                int second) {
  return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

UnixNanos now_unix_nanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string format_rfc3339_nanos(UnixNanos t) {
  int64_t secs = t / kNanosPerSecond;
  int64_t nanos = t % kNanosPerSecond;
  if (nanos < 0) {
    nanos += kNanosPerSecond;
    --secs;
  }
  std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(nanos));
  return buf;
}

Result<UnixNanos> parse_time(std::string_view text) {
  if (text.empty()) return bad_time(text);
  bool all_digits = text.find_first_not_of("0123456789") == std::string_view::npos;
  if (all_digits) {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size()) return bad_time(text);
    return v;
  }
  return parse_rfc3339(text);
}

}  // namespace weft
