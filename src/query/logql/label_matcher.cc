#include "query/logql/label_matcher.h"

#include <algorithm>

namespace weft::logql {

namespace {

// "a|b|c" where every branch is a plain literal: the branches.
bool literal_alternation(std::string_view pattern, std::vector<std::string>& out) {
  size_t start = 0;
  while (true) {
    size_t bar = pattern.find('|', start);
    std::string_view branch = pattern.substr(start, bar == std::string_view::npos ? bar : bar - start);
    if (!is_literal_regex(branch)) return false;
    out.emplace_back(branch);
    if (bar == std::string_view::npos) return true;
    start = bar + 1;
  }
}

}  // namespace

Result<LabelMatcher> LabelMatcher::compile(const LabelMatcherExpr& expr) {
  LabelMatcher m;
  m.name_ = expr.name;
  m.type_ = expr.type;
  m.value_ = expr.value;
  if (expr.type == MatchType::kRegex || expr.type == MatchType::kNotRegex) {
    auto re = compile_anchored_regex(expr.value);
    if (!re.is_ok()) return re.status();
    m.regex_ = std::move(*re);
    m.use_literals_ = literal_alternation(expr.value, m.literals_);
  }
  return m;
}

Result<std::vector<LabelMatcher>> LabelMatcher::compile_all(const std::vector<LabelMatcherExpr>& exprs) {
  std::vector<LabelMatcher> out;
  for (const auto& e : exprs) {
    auto m = compile(e);
    if (!m.is_ok()) return m.status();
    out.push_back(std::move(*m));
  }
  return out;
}

bool LabelMatcher::matches(std::string_view value) const {
  switch (type_) {
    case MatchType::kEqual: return value == value_;
    case MatchType::kNotEqual: return value != value_;
    case MatchType::kRegex:
    case MatchType::kNotRegex: {
      bool hit = use_literals_
                     ? std::find(literals_.begin(), literals_.end(), value) != literals_.end()
                     : re2::RE2::FullMatch(re2::StringPiece(value.data(), value.size()), *regex_);
      return type_ == MatchType::kRegex ? hit : !hit;
    }
  }
  return false;
}

bool LabelMatcher::matches(const LabelSet& labels) const {
  const std::string* v = labels.get(name_);
  return matches(v ? std::string_view(*v) : std::string_view());
}

bool all_match(const std::vector<LabelMatcher>& matchers, const LabelSet& labels) {
  for (const auto& m : matchers)
    if (!m.matches(labels)) return false;
  return true;
}

}  // namespace weft::logql
