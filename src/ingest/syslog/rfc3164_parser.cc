#include "ingest/syslog/rfc3164_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>

namespace weft::ingest {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;
constexpr int64_t kFutureSlackSeconds = 7 * 86400;
// A year written in a BSD timestamp (Cisco) is taken between these (unix nanoseconds end in
// 2262).
constexpr int kMinYear = 1970;
constexpr int kMaxYear = 2200;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// 1-12 for "Jan".."Dec" (any case), 0 otherwise.
unsigned month_number(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (text.size() < 3) return 0;
  char m[3] = {lower(text[0]), lower(text[1]), lower(text[2])};
  for (unsigned i = 0; i < kMonths.size(); ++i)
    if (std::string_view(m, 3) == kMonths[i]) return i + 1;
  return 0;
}

// Reads `n` digits at `pos`, advancing it.
bool digits(std::string_view s, size_t& pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  pos += n;
  return true;
}

// The UTC offset of local time (TZ) at `unix_seconds`, cached per thread by the hour.
int64_t local_offset_seconds(int64_t unix_seconds) {
  thread_local int64_t cached_hour = INT64_MIN;
  thread_local int64_t cached_offset = 0;
  int64_t hour = unix_seconds / 3600;
  if (hour != cached_hour) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    cached_offset = tm.tm_gmtoff;
    cached_hour = hour;
  }
  return cached_offset;
}

int64_t local_year(UnixNanos now) {
  int64_t seconds = now / kNanosPerSecond;
  std::time_t t = static_cast<std::time_t>(seconds + local_offset_seconds(seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

struct BsdTime {
  unsigned month = 0, day = 0;
  int year = -1;  // -1: not given
  int hour = 0, minute = 0, second = 0;
  int64_t nanos = 0;
};

// ".123" at pos: nanoseconds (any number of digits, nine kept).
int64_t fraction(std::string_view s, size_t& pos) {
  if (pos >= s.size() || s[pos] != '.' || pos + 1 >= s.size() || !is_digit(s[pos + 1])) return 0;
  ++pos;
  int64_t nanos = 0;
  int n = 0;
  for (; pos < s.size() && is_digit(s[pos]); ++pos, ++n)
    if (n < 9) nanos = nanos * 10 + (s[pos] - '0');
  for (; n < 9; ++n) nanos *= 10;
  return nanos;
}

bool clock_time(std::string_view s, size_t& pos, BsdTime* t) {
  if (!digits(s, pos, 2, &t->hour) || pos >= s.size() || s[pos++] != ':') return false;
  if (!digits(s, pos, 2, &t->minute) || pos >= s.size() || s[pos++] != ':') return false;
  if (!digits(s, pos, 2, &t->second)) return false;
  t->nanos = fraction(s, pos);
  return t->hour < 24 && t->minute < 60 && t->second <= 60;
}

// "Mmm dd [yyyy ]hh:mm:ss[.frac][:]" at the start of `s`; its length, or 0.
size_t bsd_timestamp(std::string_view s, BsdTime* t) {
  t->month = month_number(s);
  if (t->month == 0 || s.size() < 4 || s[3] != ' ') return 0;
  size_t pos = 4;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  int day = 0;
  size_t day_start = pos;
  while (pos < s.size() && is_digit(s[pos]) && pos - day_start < 2)
    day = day * 10 + (s[pos++] - '0');
  if (pos == day_start || day < 1 || day > 31 || pos >= s.size() || s[pos++] != ' ') return 0;
  t->day = static_cast<unsigned>(day);
  size_t year_pos = pos;
  int year = 0;
  if (digits(s, year_pos, 4, &year) && year >= kMinYear && year <= kMaxYear &&
      year_pos < s.size() && s[year_pos] == ' ') {
    t->year = year;
    pos = year_pos + 1;
  }
  if (!clock_time(s, pos, t)) return 0;
  if (pos < s.size() && s[pos] == ':') ++pos;
  if (pos < s.size() && s[pos] != ' ') return 0;
  return pos;
}

UnixNanos bsd_to_unix(const BsdTime& t, int64_t year) {
  int64_t local = unix_seconds_from_civil(year, t.month, t.day, t.hour, t.minute, t.second);
  int64_t utc = local - local_offset_seconds(local);
  return utc * kNanosPerSecond + t.nanos;
}

// The time of a BSD timestamp, with the year rule of the header comment.
UnixNanos resolve_bsd_time(const BsdTime& t, UnixNanos now) {
  if (t.year >= 0) return bsd_to_unix(t, t.year);
  int64_t year = local_year(now);
  UnixNanos time = bsd_to_unix(t, year);
  if (time > now + kFutureSlackSeconds * kNanosPerSecond) time = bsd_to_unix(t, year - 1);
  return time;
}

// An RFC 3339 timestamp word at the start of `s`; its length, or 0.
size_t iso_timestamp(std::string_view s, UnixNanos* out) {
  if (s.size() < 20 || !is_digit(s[0]) || s[4] != '-') return 0;
  size_t end = s.find(' ');
  std::string_view word = s.substr(0, end);
  Result<UnixNanos> t = parse_time(word);
  if (!t) return 0;
  *out = *t;
  return word.size();
}

size_t timestamp(std::string_view s, UnixNanos now, UnixNanos* out) {
  BsdTime t;
  if (size_t n = bsd_timestamp(s, &t)) {
    *out = resolve_bsd_time(t, now);
    return n;
  }
  return iso_timestamp(s, out);
}

bool is_tag_char(char c) { return c > ' ' && c <= '~' && c != '[' && c != ':'; }

// TAG["[" PID "]"]":" [SP] at the start of `s`: fills app_name and procid and returns the
// length, or 0 when `s` does not start with a tag.
size_t tag(std::string_view s, SyslogMessage& out) {
  size_t pos = 0;
  while (pos < s.size() && is_tag_char(s[pos])) ++pos;
  if (pos == 0 || pos == s.size()) return 0;
  std::string_view name = s.substr(0, pos);
  std::string_view pid;
  if (s[pos] == '[') {
    size_t close = s.find(']', pos);
    if (close == std::string_view::npos) return 0;
    pid = s.substr(pos + 1, close - pos - 1);
    pos = close + 1;
    if (pos < s.size() && s[pos] == ':') ++pos;
  } else if (s[pos] == ':') {
    ++pos;
  } else {
    return 0;
  }
  out.app_name = name;
  out.procid = pid;
  if (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

bool looks_like_tag(std::string_view word) {
  return !word.empty() && (word.back() == ':' || word.find('[') != std::string_view::npos);
}

// [HOSTNAME SP] [TAG...] MSG after the timestamp.
void host_tag_message(std::string_view s, SyslogMessage& out) {
  std::string_view first = s.substr(0, s.find(' '));
  if (!looks_like_tag(first) && !first.empty()) {
    out.hostname = first;
    s.remove_prefix(std::min(s.size(), first.size() + 1));
  }
  s.remove_prefix(tag(s, out));
  out.message = s;
}

}  // namespace

Status parse_rfc3164(std::string_view text, UnixNanos now, SyslogMessage& out) {
  out.clear();
  out.format = SyslogMessage::Format::kRfc3164;
  std::string_view rest = text;
  if (auto pri = parse_syslog_priority(text)) {
    out.priority = pri->priority;
    rest.remove_prefix(pri->length);
  }
  size_t ts = timestamp(rest, now, &out.time);
  if (ts == 0) {
    if (!out.priority) return Status::invalid("not syslog: no <PRI> and no timestamp");
    out.message = rest;
    return Status::ok();
  }
  rest.remove_prefix(ts);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  host_tag_message(rest, out);
  return Status::ok();
}

}  // namespace weft::ingest
