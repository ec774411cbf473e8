// LabelFilter: a compiled label filter tree (| level="error", | status >= 500,
// | latency > 250ms, | size > 1KB, | addr = ip("10.0.0.0/8"), and/or of these).
//
// As in Loki: a string matcher compares "" for an absent label; a numeric, duration or bytes
// comparison drops a line without the label, and keeps a line whose value does not convert,
// marking it __error__="LabelFilterErr" (so `| __error__=""` can drop it).
// Thread safety: immutable after compile.
#pragma once

#include <memory>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/ip_match.h"
#include "query/logql/label_matcher.h"
#include "query/logql/labels_builder.h"

namespace weft::logql {

class LabelFilter {
 public:
  static Result<std::shared_ptr<const LabelFilter>> compile(const LabelFilterExpr& expr);
  bool matches(LabelsBuilder& labels) const;

 private:
  LabelFilterExpr::Kind kind_ = LabelFilterExpr::Kind::kMatcher;
  std::optional<LabelMatcher> matcher_;
  std::optional<IpMatcher> ip_;
  std::string name_;
  CompareOp op_ = CompareOp::kEqual;
  double number_ = 0;
  int64_t nanos_ = 0;
  uint64_t bytes_ = 0;
  std::shared_ptr<const LabelFilter> left_, right_;
};

template <typename T>
bool compare(CompareOp op, T a, T b) {
  switch (op) {
    case CompareOp::kEqual: return a == b;
    case CompareOp::kNotEqual: return a != b;
    case CompareOp::kGreater: return a > b;
    case CompareOp::kGreaterEqual: return a >= b;
    case CompareOp::kLess: return a < b;
    case CompareOp::kLessEqual: return a <= b;
  }
  return false;
}

// Go's strconv.ParseFloat: the whole text must be a number ("1e3", "0x1p-2", "Inf", "NaN").
Result<double> parse_go_float(std::string_view text);

}  // namespace weft::logql
