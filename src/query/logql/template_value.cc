#include "query/logql/template_value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "query/logql/printer.h"

namespace weft::logql {

bool TemplateValue::truthy() const {
  switch (v.index()) {
    case 0: return false;
    case 1: return !std::get<std::string>(v).empty();
    case 2: return std::get<int64_t>(v) != 0;
    case 3: return std::get<double>(v) != 0;
    case 4: return std::get<bool>(v);
    default: return true;
  }
}

std::string TemplateValue::print() const {
  switch (v.index()) {
    case 0: return "<no value>";
    case 1: return std::get<std::string>(v);
    case 2: return std::to_string(std::get<int64_t>(v));
    case 3: return go_format_float_v(std::get<double>(v));
    case 4: return std::get<bool>(v) ? "true" : "false";
    default: return go_time_string(std::get<TemplateTime>(v).nanos);
  }
}

int64_t TemplateValue::to_int() const {
  switch (v.index()) {
    case 1: {
      const std::string& s = std::get<std::string>(v);
      int64_t i = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
      if (ec == std::errc() && p == s.data() + s.size()) return i;
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      return end == s.c_str() + s.size() && !s.empty() ? static_cast<int64_t>(d) : 0;
    }
    case 2: return std::get<int64_t>(v);
    case 3: return static_cast<int64_t>(std::get<double>(v));
    case 4: return std::get<bool>(v) ? 1 : 0;
    case 5: return std::get<TemplateTime>(v).nanos;
    default: return 0;
  }
}

double TemplateValue::to_float() const {
  switch (v.index()) {
    case 1: {
      const std::string& s = std::get<std::string>(v);
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      return end == s.c_str() + s.size() && !s.empty() ? d : 0;
    }
    case 2: return static_cast<double>(std::get<int64_t>(v));
    case 3: return std::get<double>(v);
    case 4: return std::get<bool>(v) ? 1 : 0;
    case 5: return static_cast<double>(std::get<TemplateTime>(v).nanos);
    default: return 0;
  }
}

std::string go_format_float_v(double d) { return format_go_float(d); }

namespace {

struct Civil {
  int year, month, day, hour, minute, second;
  int64_t nanos;
  int yday, wday;
};

Civil civil(int64_t nanos) {
  int64_t secs = nanos >= 0 ? nanos / 1000000000 : -((-nanos + 999999999) / 1000000000);
  int64_t frac = nanos - secs * 1000000000;
  time_t t = static_cast<time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac,
          tm.tm_yday, tm.tm_wday};
}

const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"};
const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string pad(int64_t v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s = "0" + s;
  return s;
}

bool starts(std::string_view s, size_t i, std::string_view p) { return s.substr(i, p.size()) == p; }

// Fraction digits after ".000"/".999" style elements.
std::string fraction(int64_t nanos, int digits, bool trim) {
  std::string f = pad(nanos, 9).substr(0, digits);
  if (trim) {
    while (!f.empty() && f.back() == '0') f.pop_back();
    return f.empty() ? "" : "." + f;
  }
  return "." + f;
}

}  // namespace

std::string go_format_time(int64_t nanos, std::string_view layout) {
  Civil c = civil(nanos);
  std::string out;
  for (size_t i = 0; i < layout.size();) {
    auto take = [&](std::string_view token, const std::string& value) {
      if (!starts(layout, i, token)) return false;
      out += value;
      i += token.size();
      return true;
    };
    if (take("2006", std::to_string(c.year)) || take("January", kMonths[c.month - 1]) ||
        take("Jan", std::string(kMonths[c.month - 1]).substr(0, 3)) ||
        take("Monday", kDays[c.wday]) || take("Mon", std::string(kDays[c.wday]).substr(0, 3)) ||
        take("MST", "UTC") || take("Z07:00", "Z") || take("Z0700", "Z") || take("-07:00", "+00:00") ||
        take("-0700", "+0000") || take("-07", "+00") || take("01", pad(c.month, 2)) ||
        take("02", pad(c.day, 2)) || take("_2", (c.day < 10 ? " " : "") + std::to_string(c.day)) ||
        take("002", pad(c.yday + 1, 3)) || take("15", pad(c.hour, 2)) ||
        take("03", pad(c.hour % 12 == 0 ? 12 : c.hour % 12, 2)) ||
        take("04", pad(c.minute, 2)) || take("05", pad(c.second, 2)) || take("06", pad(c.year % 100, 2)) ||
        take("PM", c.hour >= 12 ? "PM" : "AM") || take("pm", c.hour >= 12 ? "pm" : "am"))
      continue;
    if ((starts(layout, i, ".0") || starts(layout, i, ".9") || starts(layout, i, ",0") ||
         starts(layout, i, ",9"))) {
      char digit = layout[i + 1];
      size_t j = i + 1;
      while (j < layout.size() && layout[j] == digit) ++j;
      out += fraction(c.nanos, static_cast<int>(j - i - 1), digit == '9');
      i = j;
      continue;
    }
    if (take("1", std::to_string(c.month)) || take("2", std::to_string(c.day)) ||
        take("3", std::to_string(c.hour % 12 == 0 ? 12 : c.hour % 12)) ||
        take("4", std::to_string(c.minute)) || take("5", std::to_string(c.second)))
      continue;
    out += layout[i++];
  }
  return out;
}

std::string go_time_string(int64_t nanos) {
  return go_format_time(nanos, "2006-01-02 15:04:05.999999999 -0700 MST");
}

Result<int64_t> go_parse_time(std::string_view layout, std::string_view text) {
  int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t nanos = 0, offset = 0;
  size_t t = 0;
  auto bad = [&] {
    return Status::invalid("parsing time \"" + std::string(text) + "\" as \"" + std::string(layout) +
                           "\": cannot parse");
  };
  auto number = [&](int width, int& out) {
    size_t start = t;
    while (t < text.size() && t - start < static_cast<size_t>(width) && std::isdigit(static_cast<unsigned char>(text[t]))) ++t;
    if (t == start) return false;
    out = std::stoi(std::string(text.substr(start, t - start)));
    return true;
  };
  for (size_t i = 0; i < layout.size();) {
    auto is = [&](std::string_view tok) { return starts(layout, i, tok); };
    bool ok = true;
    if (is("2006")) { ok = number(4, year); i += 4; }
    else if (is("01")) { ok = number(2, month); i += 2; }
    else if (is("02")) { ok = number(2, day); i += 2; }
    else if (is("15")) { ok = number(2, hour); i += 2; }
    else if (is("04")) { ok = number(2, minute); i += 2; }
    else if (is("05")) { ok = number(2, second); i += 2; }
    else if (is("Z07:00") || is("-07:00") || is("Z0700") || is("-0700")) {
      bool z = layout[i] == 'Z';
      size_t len = is("Z07:00") || is("-07:00") ? 6 : 5;
      if (z && t < text.size() && text[t] == 'Z') {
        ++t;
      } else if (t < text.size() && (text[t] == '+' || text[t] == '-')) {
        int sign = text[t] == '-' ? -1 : 1;
        ++t;
        int h = 0, m = 0;
        ok = number(2, h);
        if (ok && t < text.size() && text[t] == ':') ++t;
        ok = ok && number(2, m);
        offset = sign * (h * 3600 + m * 60);
      } else {
        ok = false;
      }
      i += len;
    } else if (is(".000") || is(".999") || is(".0") || is(".9")) {
      size_t j = i + 1;
      while (j < layout.size() && (layout[j] == '0' || layout[j] == '9')) ++j;
      if (t < text.size() && text[t] == '.') {
        ++t;
        size_t start = t;
        while (t < text.size() && std::isdigit(static_cast<unsigned char>(text[t]))) ++t;
        std::string digits(text.substr(start, t - start));
        digits = digits.substr(0, 9);
        while (digits.size() < 9) digits += '0';
        nanos = std::stoll(digits);
      } else if (layout[i + 1] == '0') {
        ok = false;
      }
      i = j;
    } else {
      ok = t < text.size() && text[t] == layout[i];
      ++t;
      ++i;
    }
    if (!ok) return bad();
  }
  if (t != text.size()) return bad();
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  int64_t secs = static_cast<int64_t>(timegm(&tm)) - offset;
  return secs * 1000000000 + nanos;
}

}  // namespace weft::logql
