// LabelMatcher: a compiled name="value" / != / =~ / !~ matcher, as stream selectors and
// label filters use it. Regexes are fully anchored (Prometheus semantics); a regex that is a
// plain literal or an alternation of literals compares strings instead.
// Thread safety: immutable after compile; share freely.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/labels.h"
#include "query/logql/regex.h"

namespace weft::logql {

class LabelMatcher {
 public:
  static Result<LabelMatcher> compile(const LabelMatcherExpr& expr);
  static Result<std::vector<LabelMatcher>> compile_all(const std::vector<LabelMatcherExpr>& exprs);

  const std::string& name() const { return name_; }
  MatchType type() const { return type_; }
  const std::string& value() const { return value_; }

  // Whether `value` (the label's value, "" when absent) matches.
  bool matches(std::string_view value) const;
  // Against a label set (an absent label has the value "").
  bool matches(const LabelSet& labels) const;

 private:
  std::string name_;
  MatchType type_ = MatchType::kEqual;
  std::string value_;
  RegexPtr regex_;
  std::vector<std::string> literals_;  // a regex that is "a|b|c" of plain literals
  bool use_literals_ = false;
};

bool all_match(const std::vector<LabelMatcher>& matchers, const LabelSet& labels);

}  // namespace weft::logql
