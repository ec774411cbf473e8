#include "query/logql/line_filter.h"

#include <cctype>
#include <cstring>

namespace weft::logql {

namespace {


std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool contains_bytes(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (hay.size() < needle.size()) return false;
  const char first = needle[0];
  const char* p = hay.data();
  const char* last = hay.data() + hay.size() - needle.size();
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, first, static_cast<size_t>(last - p) + 1));
    if (!p) return false;
    if (std::memcmp(p + 1, needle.data() + 1, needle.size() - 1) == 0) return true;
    ++p;
  }
  return false;
}

bool contains_fold(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (hay.size() < needle.size()) return false;
  unsigned char first = static_cast<unsigned char>(needle[0]);
  unsigned char first_upper = static_cast<unsigned char>(std::toupper(first));
  const char* p = hay.data();
  const char* end = hay.data() + hay.size() - needle.size() + 1;
  while (p < end) {
    const char* a = static_cast<const char*>(std::memchr(p, first, end - p));
    const char* b = first_upper != first ? static_cast<const char*>(std::memchr(p, first_upper, end - p)) : nullptr;
    const char* hit = a && b ? std::min(a, b) : (a ? a : b);
    if (!hit) return false;
    size_t k = 1;
    while (k < needle.size() &&
           std::tolower(static_cast<unsigned char>(hit[k])) == static_cast<unsigned char>(needle[k]))
      ++k;
    if (k == needle.size()) return true;
    p = hit + 1;
  }
  return false;
}

bool LineFilter::Term::matches(std::string_view line) const {
  switch (kind) {
    case Kind::kContains: return contains_bytes(line, literal);
    case Kind::kContainsFold: return contains_fold(line, literal);
    case Kind::kRegex: return re2::RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *regex);
    case Kind::kPattern: return pattern->test(line);
    case Kind::kIp: return ip->matches_in_line(line);
  }
  return false;
}

Result<LineFilter> LineFilter::compile(const LineFilterStage& stage) {
  LineFilter f;
  f.negative_ = stage.type == LineFilterType::kNotContains || stage.type == LineFilterType::kNotRegex ||
                stage.type == LineFilterType::kNotPattern;
  for (const auto& t : stage.terms) {
    Term term;
    if (t.ip) {
      auto ip = IpMatcher::parse(t.value);
      if (!ip.is_ok()) return ip.status();
      term.kind = Term::Kind::kIp;
      term.ip = std::move(*ip);
    } else if (stage.type == LineFilterType::kRegex || stage.type == LineFilterType::kNotRegex) {
      std::string_view re = t.value;
      bool fold = re.substr(0, 4) == "(?i)";
      std::string_view rest = fold ? re.substr(4) : re;
      if (is_literal_regex(rest)) {
        term.kind = fold ? Term::Kind::kContainsFold : Term::Kind::kContains;
        term.literal = fold ? to_lower(rest) : std::string(rest);
      } else {
        auto compiled = compile_search_regex(t.value);
        if (!compiled.is_ok()) return compiled.status();
        term.kind = Term::Kind::kRegex;
        term.regex = std::move(*compiled);
      }
    } else if (stage.type == LineFilterType::kPattern || stage.type == LineFilterType::kNotPattern) {
      auto p = Pattern::parse_for_filter(t.value);
      if (!p.is_ok()) return p.status();
      term.kind = Term::Kind::kPattern;
      term.pattern = std::move(*p);
    } else {
      term.literal = t.value;
    }
    f.terms_.push_back(std::move(term));
  }
  return f;
}

bool LineFilter::matches(std::string_view line) const {
  if (negative_) {
    for (const Term& t : terms_)
      if (t.matches(line)) return false;
    return true;
  }
  for (const Term& t : terms_)
    if (t.matches(line)) return true;
  return false;
}

void LineFilter::required_substrings(std::vector<std::string>& out) const {
  if (negative_ || terms_.size() != 1) return;
  const Term& t = terms_[0];
  if (t.kind == Term::Kind::kContains && !t.literal.empty()) out.push_back(t.literal);
}

}  // namespace weft::logql
