#include "ingest/elastic/elastic_date.h"

#include <cmath>
#include <limits>

namespace weft::ingest::elastic {

namespace {

constexpr int64_t kNanosPerMilli = 1'000'000;
constexpr int64_t kNanosPerSecond = 1'000'000'000;
// Nanoseconds fit int64 within about +-292 years of 1970.
constexpr int64_t kMaxMillis = std::numeric_limits<int64_t>::max() / kNanosPerMilli - 1;

Status bad_date(std::string_view text) {
  return Status::invalid("expected an ISO 8601 date or epoch milliseconds, got \"" +
                         std::string(text.substr(0, 64)) + "\"");
}

Result<UnixNanos> from_millis_double(double millis) {
  if (!std::isfinite(millis) || std::fabs(millis) > static_cast<double>(kMaxMillis))
    return Status::invalid("epoch milliseconds out of range");
  // To the microsecond: a double holds no more at today's epoch.
  return static_cast<UnixNanos>(std::llround(millis * 1000)) * 1000;
}

// A cursor over the text of a date.
class DateText {
 public:
  explicit DateText(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  bool next_is(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool skip(char c) {
    if (!next_is(c)) return false;
    ++pos_;
    return true;
  }
  // Exactly n digits.
  bool digits(size_t n, int64_t* out) {
    if (pos_ + n > text_.size()) return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; ++i) {
      char c = text_[pos_ + i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos_ += n;
    *out = v;
    return true;
  }
  // One or more digits after a '.' or ',': nanoseconds (digits past the ninth are dropped).
  bool fraction(int64_t* nanos) {
    size_t start = pos_;
    int64_t v = 0;
    int kept = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      if (kept < 9) v = v * 10 + (text_[pos_] - '0'), ++kept;
      ++pos_;
    }
    for (; kept < 9; ++kept) v *= 10;
    *nanos = v;
    return pos_ > start;
  }
  size_t remaining() const { return text_.size() - pos_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// "Z", "+hh:mm", "+hhmm", "+hh" (or '-') at the end of the text: the offset in seconds.
bool parse_zone(DateText& t, int64_t* offset_seconds) {
  *offset_seconds = 0;
  if (t.done()) return true;
  if (t.skip('Z') || t.skip('z')) return t.done();
  int sign = t.skip('+') ? 1 : (t.skip('-') ? -1 : 0);
  int64_t hh = 0, mm = 0;
  if (sign == 0 || !t.digits(2, &hh) || hh > 23) return false;
  if (!t.done()) {
    t.skip(':');
    if (!t.digits(2, &mm) || mm > 59 || !t.done()) return false;
  }
  *offset_seconds = sign * (hh * 3600 + mm * 60);
  return true;
}

// "HH[:mm[:ss[.fraction]]]" after the 'T': seconds and nanoseconds of the day.
bool parse_clock(DateText& t, int64_t* seconds, int64_t* nanos) {
  int64_t hh = 0, mm = 0, ss = 0;
  *nanos = 0;
  if (!t.digits(2, &hh) || hh > 23) return false;
  if (t.skip(':')) {
    if (!t.digits(2, &mm) || mm > 59) return false;
    if (t.skip(':')) {
      if (!t.digits(2, &ss) || ss > 60) return false;
      if ((t.skip('.') || t.skip(',')) && !t.fraction(nanos)) return false;
    }
  }
  *seconds = hh * 3600 + mm * 60 + ss;
  return true;
}

Result<UnixNanos> parse_iso_date(std::string_view text) {
  DateText t(text);
  int64_t year = 0, month = 0, day = 0;
  if (!t.digits(4, &year) || !t.skip('-') || !t.digits(2, &month) || !t.skip('-') ||
      !t.digits(2, &day))
    return bad_date(text);
  if (month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, static_cast<unsigned>(month)))
    return bad_date(text);
  int64_t clock = 0, nanos = 0, offset = 0;
  if ((t.skip('T') || t.skip('t')) && !parse_clock(t, &clock, &nanos)) return bad_date(text);
  if (!parse_zone(t, &offset)) return bad_date(text);
  int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  int64_t seconds = days * 86400 + clock - offset;
  if (seconds < -9'000'000'000 || seconds > 9'000'000'000)  // years 1684-2255: safe in int64 ns
    return Status::invalid("date out of range: \"" + std::string(text.substr(0, 64)) + "\"");
  return seconds * kNanosPerSecond + nanos;
}

// "-?digits(.digits)?": epoch milliseconds.
bool is_epoch_millis_text(std::string_view text) {
  size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
  size_t digits = 0, dots = 0;
  for (; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (++dots > 1 || digits == 0) return false;
    } else if (text[i] >= '0' && text[i] <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  return digits > 0 && text.back() != '.';
}

Result<UnixNanos> parse_millis_text(std::string_view text) {
  bool negative = text[0] == '-';
  DateText t(negative ? text.substr(1) : text);
  int64_t millis = 0;
  int64_t digit = 0;
  while (!t.done() && !t.next_is('.')) {
    if (!t.digits(1, &digit) || millis > (kMaxMillis - digit) / 10)
      return Status::invalid("epoch milliseconds out of range");
    millis = millis * 10 + digit;
  }
  int64_t fraction_nanos = 0;  // of a second: the fraction of a millisecond is / 1000
  if (t.skip('.') && !t.fraction(&fraction_nanos)) return bad_date(text);
  int64_t nanos = millis * kNanosPerMilli + fraction_nanos / 1000;
  return negative ? -nanos : nanos;
}

}  // namespace

Result<UnixNanos> parse_elastic_date_text(std::string_view text) {
  if (is_epoch_millis_text(text)) return parse_millis_text(text);
  return parse_iso_date(text);
}

Result<UnixNanos> parse_elastic_date(JsonValue value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::STRING: return parse_elastic_date_text(value.get_string().value_unsafe());
    case element_type::INT64: {
      int64_t millis = value.get_int64().value_unsafe();
      if (millis > kMaxMillis || millis < -kMaxMillis)
        return Status::invalid("epoch milliseconds out of range");
      return millis * kNanosPerMilli;
    }
    case element_type::DOUBLE: return from_millis_double(value.get_double().value_unsafe());
    case element_type::UINT64: return Status::invalid("epoch milliseconds out of range");
    default: return Status::invalid("expected a date string or epoch milliseconds");
  }
}

}  // namespace weft::ingest::elastic
