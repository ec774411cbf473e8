#include "query/logql/template_funcs.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include "common/base64.h"
#include "common/time.h"
#include "query/logql/go_quote.h"
#include "query/logql/printer.h"
#include "query/logql/regex.h"
#include "query/logql/template_ast.h"
#include "query/logql/units.h"

namespace weft::logql {

namespace {

using Args = std::vector<TemplateValue>;
using Fn = std::function<Result<TemplateValue>(Args&, const FunctionContext&)>;

Status arg_count(const Args& a, size_t want) {
  if (a.size() == want) return Status::ok();
  return Status::invalid("wrong number of args: want " + std::to_string(want) + " got " + std::to_string(a.size()));
}

std::string str(const TemplateValue& v) { return v.to_string(); }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string title(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      start = true;
    } else if (start) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      start = false;
    }
  }
  return s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to, int64_t n = -1) {
  if (from.empty()) return s;
  std::string out;
  size_t pos = 0;
  int64_t done = 0;
  while (n < 0 || done < n) {
    size_t at = s.find(from, pos);
    if (at == std::string::npos) break;
    out += s.substr(pos, at - pos) + to;
    pos = at + from.size();
    ++done;
  }
  return out + s.substr(pos);
}

bool in_cutset(char c, std::string_view cutset) { return cutset.find(c) != std::string_view::npos; }

std::string trim_left(std::string s, std::string_view cutset) {
  size_t i = 0;
  while (i < s.size() && in_cutset(s[i], cutset)) ++i;
  return s.substr(i);
}
std::string trim_right(std::string s, std::string_view cutset) {
  while (!s.empty() && in_cutset(s.back(), cutset)) s.pop_back();
  return s;
}
constexpr std::string_view kSpaces = " \t\n\r\v\f";

Result<std::string> regex_replace(const std::string& pattern, const std::string& s, const std::string& repl, bool literal) {
  auto re = compile_search_regex(pattern);
  if (!re.is_ok()) return re.status();
  const re2::RE2& r = **re;
  std::vector<re2::StringPiece> groups(r.NumberOfCapturingGroups() + 1);
  std::string out;
  size_t pos = 0;
  re2::StringPiece input(s);
  while (pos <= s.size()) {
    if (!r.Match(input, pos, s.size(), re2::RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) break;
    size_t start = groups[0].data() - s.data();
    size_t end = start + groups[0].size();
    out += s.substr(pos, start - pos);
    out += literal ? repl : expand_regex_template(r, repl, groups);
    if (end == start) {
      if (start < s.size()) out += s[start];
      pos = start + 1;
    } else {
      pos = end;
    }
  }
  if (pos < s.size()) out += s.substr(pos);
  return out;
}

std::string url_escape(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else if (c == ' ') out += '+';
    else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Result<std::string> url_unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
        return Status::invalid("invalid URL escape \"" + std::string(s.substr(i, 3)) + "\"");
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Sprig's toDate-like conversion of a date argument: a time, or unix seconds.
int64_t time_of(const TemplateValue& v) {
  if (const auto* t = std::get_if<TemplateTime>(&v.v)) return t->nanos;
  return v.to_int() * 1000000000;
}

int64_t compare_values(const TemplateValue& a, const TemplateValue& b, bool& ok) {
  ok = true;
  if (a.string() && b.string()) return a.string()->compare(*b.string());
  bool a_num = a.v.index() == 2 || a.v.index() == 3;
  bool b_num = b.v.index() == 2 || b.v.index() == 3;
  if (a_num && b_num) {
    double x = a.to_float(), y = b.to_float();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.v.index() == 4 && b.v.index() == 4) return static_cast<int>(std::get<bool>(a.v)) - static_cast<int>(std::get<bool>(b.v));
  if (a.is_nil() && b.is_nil()) return 0;
  ok = false;
  return 0;
}

Result<TemplateValue> compare_fn(Args& a, const std::function<bool(int64_t)>& pred) {
  if (a.size() != 2) return Status::invalid("wrong number of args: want 2 got " + std::to_string(a.size()));
  bool ok;
  int64_t c = compare_values(a[0], a[1], ok);
  if (!ok) return Status::invalid("incompatible types for comparison");
  return TemplateValue(pred(c));
}

template <typename Op>
Fn int_fold(Op op) {
  return [op](Args& a, const FunctionContext&) -> Result<TemplateValue> {
    if (a.empty()) return Status::invalid("wrong number of args: want at least 1 got 0");
    int64_t v = a[0].to_int();
    for (size_t i = 1; i < a.size(); ++i) {
      auto r = op(v, a[i].to_int());
      if (!r.is_ok()) return r.status();
      v = *r;
    }
    return TemplateValue(v);
  };
}

template <typename Op>
Fn float_fold(Op op) {
  return [op](Args& a, const FunctionContext&) -> Result<TemplateValue> {
    if (a.empty()) return Status::invalid("wrong number of args: want at least 1 got 0");
    double v = a[0].to_float();
    for (size_t i = 1; i < a.size(); ++i) v = op(v, a[i].to_float());
    return TemplateValue(v);
  };
}

Fn string_fn(std::function<std::string(const std::string&)> f) {
  return [f](Args& a, const FunctionContext&) -> Result<TemplateValue> {
    WEFT_RETURN_IF_ERROR(arg_count(a, 1));
    return TemplateValue(f(str(a[0])));
  };
}

Fn string2_fn(std::function<std::string(const std::string&, const std::string&)> f) {
  return [f](Args& a, const FunctionContext&) -> Result<TemplateValue> {
    WEFT_RETURN_IF_ERROR(arg_count(a, 2));
    return TemplateValue(f(str(a[0]), str(a[1])));
  };
}

std::string align(int64_t count, const std::string& src, bool left) {
  if (count < 0) count = 0;
  size_t n = static_cast<size_t>(count);
  if (src.size() >= n) return left ? src.substr(0, n) : src.substr(src.size() - n);
  std::string padding(n - src.size(), ' ');
  return left ? src + padding : padding + src;
}

Result<TemplateValue> unix_to_time(const std::string& epoch) {
  int64_t i = 0;
  auto [p, ec] = std::from_chars(epoch.data(), epoch.data() + epoch.size(), i);
  if (ec != std::errc() || p != epoch.data() + epoch.size())
    return Status::invalid("unable to parse time '" + epoch + "'");
  switch (epoch.size()) {
    case 5: return TemplateValue(TemplateTime{i * 86400 * 1000000000});
    case 10: return TemplateValue(TemplateTime{i * 1000000000});
    case 13: return TemplateValue(TemplateTime{i * 1000000});
    case 16: return TemplateValue(TemplateTime{i * 1000});
    case 19: return TemplateValue(TemplateTime{i});
    default: return Status::invalid("unable to parse time '" + epoch + "'");
  }
}

const std::map<std::string, Fn>& functions() {
  static const std::map<std::string, Fn> f = [] {
    std::map<std::string, Fn> m;
    // Go builtins.
    m["not"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(!a[0].truthy());
    };
    m["and"] = m["or"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> { return a.back(); };
    m["len"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      if (!a[0].string()) return Status::invalid("len of type " + std::string(a[0].is_nil() ? "nil" : "number"));
      return TemplateValue(static_cast<int64_t>(a[0].string()->size()));
    };
    m["print"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      std::string out;
      for (size_t i = 0; i < a.size(); ++i) {
        if (i > 0 && !a[i].string() && !a[i - 1].string()) out += ' ';
        out += a[i].print();
      }
      return TemplateValue(out);
    };
    m["println"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      std::string out;
      for (size_t i = 0; i < a.size(); ++i) out += (i ? " " : "") + a[i].print();
      return TemplateValue(out + "\n");
    };
    m["printf"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      if (a.empty()) return Status::invalid("wrong number of args: want at least 1 got 0");
      Args rest(a.begin() + 1, a.end());
      return TemplateValue(go_sprintf(str(a[0]), rest));
    };
    m["eq"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      if (a.size() < 2) return Status::invalid("missing argument for comparison");
      for (size_t i = 1; i < a.size(); ++i) {
        bool ok;
        if (compare_values(a[0], a[i], ok) == 0 && ok) return TemplateValue(true);
        if (!ok) return Status::invalid("incompatible types for comparison");
      }
      return TemplateValue(false);
    };
    m["ne"] = [](Args& a, const FunctionContext&) { return compare_fn(a, [](int64_t c) { return c != 0; }); };
    m["lt"] = [](Args& a, const FunctionContext&) { return compare_fn(a, [](int64_t c) { return c < 0; }); };
    m["le"] = [](Args& a, const FunctionContext&) { return compare_fn(a, [](int64_t c) { return c <= 0; }); };
    m["gt"] = [](Args& a, const FunctionContext&) { return compare_fn(a, [](int64_t c) { return c > 0; }); };
    m["ge"] = [](Args& a, const FunctionContext&) { return compare_fn(a, [](int64_t c) { return c >= 0; }); };
    m["urlquery"] = m["urlencode"] = string_fn([](const std::string& s) { return url_escape(s); });
    m["html"] = string_fn([](const std::string& s) {
      std::string out;
      for (char c : s) {
        switch (c) {
          case '<': out += "&lt;"; break;
          case '>': out += "&gt;"; break;
          case '&': out += "&amp;"; break;
          case '\'': out += "&#39;"; break;
          case '"': out += "&#34;"; break;
          default: out += c;
        }
      }
      return out;
    });
    m["js"] = string_fn([](const std::string& s) {
      std::string q = go_quote(s);
      return replace_all(q.substr(1, q.size() - 2), "'", "\\'");
    });
    // Loki's functions.
    m["ToLower"] = m["lower"] = string_fn(lower);
    m["ToUpper"] = m["upper"] = string_fn(upper);
    m["title"] = m["Title"] = string_fn(title);
    m["Replace"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 4));
      return TemplateValue(replace_all(str(a[0]), str(a[1]), str(a[2]), a[3].to_int()));
    };
    m["Trim"] = string2_fn([](const std::string& s, const std::string& cut) { return trim_right(trim_left(s, cut), cut); });
    m["TrimLeft"] = string2_fn([](const std::string& s, const std::string& cut) { return trim_left(s, cut); });
    m["TrimRight"] = string2_fn([](const std::string& s, const std::string& cut) { return trim_right(s, cut); });
    m["TrimPrefix"] = string2_fn([](const std::string& s, const std::string& p) {
      return s.rfind(p, 0) == 0 ? s.substr(p.size()) : s;
    });
    m["TrimSuffix"] = string2_fn([](const std::string& s, const std::string& p) {
      return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0 ? s.substr(0, s.size() - p.size()) : s;
    });
    m["TrimSpace"] = m["trim"] = string_fn([](const std::string& s) { return trim_right(trim_left(s, kSpaces), kSpaces); });
    m["regexReplaceAll"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 3));
      auto r = regex_replace(str(a[0]), str(a[1]), str(a[2]), false);
      if (!r.is_ok()) return r.status();
      return TemplateValue(std::move(*r));
    };
    m["regexReplaceAllLiteral"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 3));
      auto r = regex_replace(str(a[0]), str(a[1]), str(a[2]), true);
      if (!r.is_ok()) return r.status();
      return TemplateValue(std::move(*r));
    };
    m["count"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      auto re = compile_search_regex(str(a[0]));
      if (!re.is_ok()) return re.status();
      std::string s = str(a[1]);
      re2::StringPiece input(s), match;
      int64_t n = 0;
      size_t pos = 0;
      while (pos <= s.size() && (*re)->Match(input, pos, s.size(), re2::RE2::UNANCHORED, &match, 1)) {
        ++n;
        size_t end = match.data() - s.data() + match.size();
        pos = match.empty() ? end + 1 : end;
      }
      return TemplateValue(n);
    };
    m["urldecode"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      auto r = url_unescape(str(a[0]));
      if (!r.is_ok()) return r.status();
      return TemplateValue(std::move(*r));
    };
    m["bytes"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      auto b = parse_bytes(str(a[0]));
      if (!b.is_ok()) return b.status();
      return TemplateValue(static_cast<double>(*b));
    };
    m["duration"] = m["duration_seconds"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      auto d = parse_go_duration(str(a[0]));
      if (!d.is_ok()) return d.status();
      return TemplateValue(static_cast<double>(*d) / 1e9);
    };
    m["__line__"] = [](Args& a, const FunctionContext& c) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 0));
      return TemplateValue(std::string(c.line));
    };
    m["__timestamp__"] = [](Args& a, const FunctionContext& c) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 0));
      return TemplateValue(TemplateTime{c.timestamp});
    };
    m["now"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 0));
      return TemplateValue(TemplateTime{now_unix_nanos()});
    };
    m["unixEpoch"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      int64_t n = time_of(a[0]);
      return TemplateValue(std::to_string(n >= 0 ? n / 1000000000 : -((-n + 999999999) / 1000000000)));
    };
    m["unixEpochMillis"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(std::to_string(time_of(a[0]) / 1000000));
    };
    m["unixEpochNanos"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(std::to_string(time_of(a[0])));
    };
    m["unixToTime"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return unix_to_time(str(a[0]));
    };
    m["date"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue(go_format_time(time_of(a[1]), str(a[0])));
    };
    m["toDate"] = m["toDateInZone"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      if (a.size() != 2 && a.size() != 3) return Status::invalid("wrong number of args: want 2 got " + std::to_string(a.size()));
      auto t = go_parse_time(str(a[0]), str(a.back()));
      return TemplateValue(TemplateTime{t.is_ok() ? *t : 0});  // unparseable: the epoch
    };
    m["alignLeft"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue(align(a[0].to_int(), str(a[1]), true));
    };
    m["alignRight"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue(align(a[0].to_int(), str(a[1]), false));
    };
    m["b64enc"] = string_fn([](const std::string& s) { return base64_encode(s); });
    m["b64dec"] = string_fn([](const std::string& s) {
      auto d = base64_decode(s);
      return d ? *d : std::string("illegal base64 data at input byte 0");
    });
    // Sprig.
    m["trunc"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      int64_t c = a[0].to_int();
      std::string s = str(a[1]);
      int64_t n = static_cast<int64_t>(s.size());
      if (c < 0 && -c < n) return TemplateValue(s.substr(static_cast<size_t>(n + c)));
      if (c >= 0 && n > c) return TemplateValue(s.substr(0, static_cast<size_t>(c)));
      return TemplateValue(s);
    };
    m["substr"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 3));
      int64_t start = a[0].to_int(), end = a[1].to_int();
      std::string s = str(a[2]);
      int64_t n = static_cast<int64_t>(s.size());
      if (start < 0) return TemplateValue(s.substr(0, static_cast<size_t>(std::clamp<int64_t>(end, 0, n))));
      if (start > n) start = n;
      if (end < 0 || end > n) return TemplateValue(s.substr(static_cast<size_t>(start)));
      if (end < start) return TemplateValue(std::string());
      return TemplateValue(s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
    };
    m["contains"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue(str(a[1]).find(str(a[0])) != std::string::npos);
    };
    m["hasPrefix"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue(str(a[1]).rfind(str(a[0]), 0) == 0);
    };
    m["hasSuffix"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      std::string s = str(a[1]), p = str(a[0]);
      return TemplateValue(s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0);
    };
    auto indent = [](int64_t n, const std::string& s) {
      std::string pad(static_cast<size_t>(std::max<int64_t>(n, 0)), ' ');
      return pad + replace_all(s, "\n", "\n" + pad);
    };
    m["indent"] = [indent](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue(indent(a[0].to_int(), str(a[1])));
    };
    m["nindent"] = [indent](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      return TemplateValue("\n" + indent(a[0].to_int(), str(a[1])));
    };
    m["replace"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 3));
      return TemplateValue(replace_all(str(a[2]), str(a[0]), str(a[1])));
    };
    m["repeat"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 2));
      int64_t n = a[0].to_int();
      std::string s = str(a[1]), out;
      if (n < 0 || s.size() * static_cast<size_t>(n) > (1u << 20)) return Status::invalid("repeat count out of range");
      for (int64_t i = 0; i < n; ++i) out += s;
      return TemplateValue(out);
    };
    m["trimAll"] = string2_fn([](const std::string& cut, const std::string& s) { return trim_right(trim_left(s, cut), cut); });
    m["trimPrefix"] = string2_fn([](const std::string& p, const std::string& s) {
      return s.rfind(p, 0) == 0 ? s.substr(p.size()) : s;
    });
    m["trimSuffix"] = string2_fn([](const std::string& p, const std::string& s) {
      return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0 ? s.substr(0, s.size() - p.size()) : s;
    });
    m["int"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(a[0].to_int());
    };
    m["float64"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(a[0].to_float());
    };
    m["add"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> { return x + y; });
    m["sub"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> { return x - y; });
    m["mul"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> { return x * y; });
    m["div"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> {
      if (y == 0) return Status::invalid("runtime error: integer divide by zero");
      return x / y;
    });
    m["mod"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> {
      if (y == 0) return Status::invalid("runtime error: integer divide by zero");
      return x % y;
    });
    m["max"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> { return std::max(x, y); });
    m["min"] = int_fold([](int64_t x, int64_t y) -> Result<int64_t> { return std::min(x, y); });
    m["addf"] = float_fold([](double x, double y) { return x + y; });
    m["subf"] = float_fold([](double x, double y) { return x - y; });
    m["mulf"] = float_fold([](double x, double y) { return x * y; });
    m["divf"] = float_fold([](double x, double y) { return x / y; });
    m["maxf"] = float_fold([](double x, double y) { return std::max(x, y); });
    m["minf"] = float_fold([](double x, double y) { return std::min(x, y); });
    m["ceil"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(std::ceil(a[0].to_float()));
    };
    m["floor"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      WEFT_RETURN_IF_ERROR(arg_count(a, 1));
      return TemplateValue(std::floor(a[0].to_float()));
    };
    m["round"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      if (a.size() < 2 || a.size() > 3) return Status::invalid("wrong number of args: want 2 got " + std::to_string(a.size()));
      double v = a[0].to_float();
      double pow = std::pow(10.0, static_cast<double>(a[1].to_int()));
      double round_on = a.size() == 3 ? a[2].to_float() : 0.5;
      double digit = v * pow;
      double whole;
      double frac = std::modf(digit, &whole);
      double rounded = frac >= round_on ? std::ceil(digit) : std::floor(digit);
      return TemplateValue(rounded / pow);
    };
    m["default"] = [](Args& a, const FunctionContext&) -> Result<TemplateValue> {
      if (a.empty()) return Status::invalid("wrong number of args: want at least 1 got 0");
      if (a.size() >= 2 && a[1].truthy()) return a[1];
      return a[0];
    };
    return m;
  }();
  return f;
}

struct Spec {
  bool minus = false, plus = false, zero = false, space = false, sharp = false;
  int width = -1, precision = -1;
};

std::string pad_to(std::string s, const Spec& sp, bool numeric) {
  if (sp.width < 0 || static_cast<int>(s.size()) >= sp.width) return s;
  size_t n = static_cast<size_t>(sp.width) - s.size();
  if (sp.minus) return s + std::string(n, ' ');
  if (sp.zero && numeric) {
    size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    return s.substr(0, sign) + std::string(n, '0') + s.substr(sign);
  }
  return std::string(n, ' ') + s;
}

std::string format_float(double v, char verb, const Spec& sp) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? (sp.plus ? "+Inf" : "+Inf") : "-Inf";
  char fmt[16];
  if (verb == 'v' || (verb == 'g' && sp.precision < 0)) return (sp.plus && v >= 0 ? "+" : "") + format_go_float(v);
  std::snprintf(fmt, sizeof fmt, "%%%s.%d%c", sp.plus ? "+" : "", sp.precision < 0 ? 6 : sp.precision, verb);
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string format_one(char verb, const Spec& sp, const TemplateValue& v) {
  auto bad = [&](const char* type) {
    return "%!" + std::string(1, verb) + "(" + type + "=" + v.print() + ")";
  };
  const char* type = v.is_nil() ? "<nil>" : v.string() ? "string" : v.v.index() == 2 ? "int64"
                     : v.v.index() == 3 ? "float64" : v.v.index() == 4 ? "bool" : "time.Time";
  switch (verb) {
    case 'v':
      if (v.v.index() == 3) return pad_to(format_float(std::get<double>(v.v), 'v', sp), sp, true);
      return pad_to(v.is_nil() ? "<nil>" : v.print(), sp, false);
    case 's':
      if (!v.string() && v.v.index() != 5) return bad(type);
      {
        std::string s = v.print();
        if (sp.precision >= 0 && static_cast<size_t>(sp.precision) < s.size()) s = s.substr(0, sp.precision);
        return pad_to(s, sp, false);
      }
    case 'q':
      if (!v.string()) return bad(type);
      return pad_to(go_quote(*v.string()), sp, false);
    case 'd':
      if (v.v.index() != 2) return bad(type);
      return pad_to((sp.plus && v.to_int() >= 0 ? "+" : "") + std::to_string(v.to_int()), sp, true);
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
      if (v.v.index() != 3 && v.v.index() != 2) return bad(type);
      if (v.v.index() == 2) return bad(type);
      return pad_to(format_float(std::get<double>(v.v), verb == 'F' ? 'f' : verb, sp), sp, true);
    case 't':
      if (v.v.index() != 4) return bad(type);
      return pad_to(v.print(), sp, false);
    case 'x': case 'X': {
      std::string out;
      static const char* lo = "0123456789abcdef";
      static const char* up = "0123456789ABCDEF";
      const char* digits = verb == 'x' ? lo : up;
      if (v.string()) {
        for (unsigned char c : *v.string()) {
          out += digits[c >> 4];
          out += digits[c & 15];
        }
      } else if (v.v.index() == 2) {
        int64_t i = v.to_int();
        uint64_t u = i < 0 ? static_cast<uint64_t>(-(i + 1)) + 1 : static_cast<uint64_t>(i);
        do {
          out.insert(out.begin(), digits[u & 15]);
          u >>= 4;
        } while (u);
        if (i < 0) out = "-" + out;
      } else {
        return bad(type);
      }
      return pad_to(out, sp, true);
    }
    case 'c':
      if (v.v.index() != 2) return bad(type);
      {
        std::string out;
        append_utf8(out, static_cast<uint32_t>(v.to_int()));
        return pad_to(out, sp, false);
      }
    default:
      return "%!" + std::string(1, verb) + "(" + type + "=" + v.print() + ")";
  }
}

}  // namespace

bool template_function_exists(std::string_view name) {
  return functions().count(std::string(name)) > 0;
}

Result<TemplateValue> call_template_function(const std::string& name, std::vector<TemplateValue>& args,
                                             const FunctionContext& context) {
  auto it = functions().find(name);
  if (it == functions().end()) return Status::invalid("function \"" + name + "\" not defined");
  return it->second(args, context);
}

std::string go_sprintf(std::string_view f, const std::vector<TemplateValue>& args) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    Spec sp;
    size_t j = i + 1;
    for (; j < f.size(); ++j) {
      char c = f[j];
      if (c == '-') sp.minus = true;
      else if (c == '+') sp.plus = true;
      else if (c == '0') sp.zero = true;
      else if (c == ' ') sp.space = true;
      else if (c == '#') sp.sharp = true;
      else break;
    }
    auto digits = [&](int& out_value) {
      size_t start = j;
      int v = 0;
      while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j])) && v < 100000) v = v * 10 + (f[j++] - '0');
      if (j > start) out_value = v;
    };
    digits(sp.width);
    if (j < f.size() && f[j] == '.') {
      ++j;
      sp.precision = 0;
      digits(sp.precision);
    }
    if (j >= f.size()) {
      out += "%!(NOVERB)";
      break;
    }
    char verb = f[j];
    if (next >= args.size()) out += "%!" + std::string(1, verb) + "(MISSING)";
    else out += format_one(verb, sp, args[next++]);
    i = j;
  }
  if (next < args.size()) {
    out += "%!(EXTRA ";
    for (size_t k = next; k < args.size(); ++k) {
      if (k > next) out += ", ";
      const auto& v = args[k];
      out += std::string(v.string() ? "string" : v.v.index() == 2 ? "int64" : v.v.index() == 3 ? "float64" : "bool") + "=" + v.print();
    }
    out += ")";
  }
  return out;
}

}  // namespace weft::logql
