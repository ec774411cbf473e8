#include "query/logql/parse_validate.h"

#include <cmath>

#include "query/logql/labels.h"
#include "query/logql/regex.h"

namespace weft::logql {

namespace {

bool matches_empty(const LabelMatcherExpr& m) {
  switch (m.type) {
    case MatchType::kEqual: return m.value.empty();
    case MatchType::kNotEqual: return !m.value.empty();
    case MatchType::kRegex:
    case MatchType::kNotRegex: {
      auto re = compile_anchored_regex(m.value);
      bool full = re.is_ok() && re2::RE2::FullMatch("", **re);
      return m.type == MatchType::kRegex ? full : !full;
    }
  }
  return true;
}

Status check_matcher_regex(const LabelMatcherExpr& m) {
  if (m.type != MatchType::kRegex && m.type != MatchType::kNotRegex) return Status::ok();
  auto re = compile_anchored_regex(m.value);
  return re.is_ok() ? Status::ok() : re.status();
}

Status validate_range_aggregation(const RangeAggregation& agg) {
  const std::string& op = agg.op;
  if (agg.grouping) {
    static const char* kGroupable[] = {"avg_over_time", "stddev_over_time", "stdvar_over_time",
                                       "quantile_over_time", "max_over_time", "min_over_time",
                                       "first_over_time", "last_over_time"};
    bool ok = false;
    for (const char* g : kGroupable) ok = ok || op == g;
    if (!ok) return Status::invalid("grouping not allowed for " + op + " aggregation");
  }
  if (agg.range.unwrap) {
    static const char* kWithUnwrap[] = {"avg_over_time", "sum_over_time", "max_over_time",
                                        "min_over_time", "stddev_over_time", "stdvar_over_time",
                                        "quantile_over_time", "rate", "rate_counter",
                                        "absent_over_time", "first_over_time", "last_over_time"};
    for (const char* g : kWithUnwrap)
      if (op == g) return Status::ok();
    return Status::invalid("invalid aggregation " + op + " with unwrap");
  }
  static const char* kWithout[] = {"bytes_over_time", "bytes_rate", "count_over_time", "rate",
                                   "absent_over_time"};
  for (const char* g : kWithout)
    if (op == g) return Status::ok();
  return Status::invalid("invalid aggregation " + op + " without unwrap");
}

Status validate_sample(const SampleExpr& e) {
  switch (e.kind) {
    case SampleKind::kRangeAggregation: {
      const auto& agg = static_cast<const RangeAggregation&>(e);
      WEFT_RETURN_IF_ERROR(validate_range_aggregation(agg));
      if (agg.range.range_nanos <= 0)
        return Status::invalid("invalid range: the range of " + agg.op + " must be more than 0");
      return validate_matchers(agg.range.selector.matchers, true);
    }
    case SampleKind::kVectorAggregation: {
      const auto& agg = static_cast<const VectorAggregation&>(e);
      if ((agg.op == "sort" || agg.op == "sort_desc") && agg.has_grouping &&
          !agg.grouping.labels.empty())
        return Status::invalid("sort and sort_desc doesn't allow grouping by ");
      return validate_sample(*agg.inner);
    }
    case SampleKind::kBinary: {
      const auto& bin = static_cast<const BinaryExpr&>(e);
      if (is_set_op(bin.op)) {
        if (bin.lhs->kind == SampleKind::kLiteral)
          return Status::invalid("unexpected literal for left leg of logical/set binary operation (" + bin.op + ")");
        if (bin.rhs->kind == SampleKind::kLiteral)
          return Status::invalid("unexpected literal for right leg of logical/set binary operation (" + bin.op + ")");
      }
      WEFT_RETURN_IF_ERROR(validate_sample(*bin.lhs));
      return validate_sample(*bin.rhs);
    }
    case SampleKind::kLabelReplace: {
      const auto& lr = static_cast<const LabelReplaceExpr&>(e);
      auto re = compile_anchored_regex(lr.regex);
      if (!re.is_ok()) return Status::invalid("invalid regex in label_replace: " + re.status().message());
      if (!is_valid_label_name(lr.dst))
        return Status::invalid("invalid destination label name in label_replace(): " + lr.dst);
      return validate_sample(*lr.inner);
    }
    case SampleKind::kLiteral:
    case SampleKind::kVector:
      return Status::ok();
  }
  return Status::ok();
}

}  // namespace

Status validate_matchers(const std::vector<LabelMatcherExpr>& matchers, bool require_selective) {
  bool selective = false;
  for (const auto& m : matchers) {
    WEFT_RETURN_IF_ERROR(check_matcher_regex(m));
    if (!matches_empty(m)) selective = true;
  }
  if (require_selective && !selective)
    return Status::invalid(
        "queries require at least one regexp or equality matcher that does not have an "
        "empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but "
        "app=~\".+\" will");
  return Status::ok();
}

Status validate_query(const Query& query) {
  if (query.log) return validate_matchers(query.log->matchers, true);
  return validate_sample(*query.sample);
}

double apply_arithmetic(std::string_view op, double l, double r) {
  if (op == "+") return l + r;
  if (op == "-") return l - r;
  if (op == "*") return l * r;
  if (op == "/") return l / r;
  if (op == "%") return std::fmod(l, r);
  if (op == "^") return std::pow(l, r);
  if (op == "==") return l == r ? 1 : 0;
  if (op == "!=") return l != r ? 1 : 0;
  if (op == ">") return l > r ? 1 : 0;
  if (op == ">=") return l >= r ? 1 : 0;
  if (op == "<") return l < r ? 1 : 0;
  if (op == "<=") return l <= r ? 1 : 0;
  return NAN;
}

SampleExprPtr fold_binary(std::unique_ptr<BinaryExpr> bin) {
  if (bin->lhs->kind != SampleKind::kLiteral || bin->rhs->kind != SampleKind::kLiteral ||
      is_set_op(bin->op))
    return bin;
  double l = static_cast<const LiteralExpr&>(*bin->lhs).value;
  double r = static_cast<const LiteralExpr&>(*bin->rhs).value;
  double v = apply_arithmetic(bin->op, l, r);
  // A non-finite result has no literal form: keep the operation (it evaluates the same).
  if (!std::isfinite(v)) return bin;
  auto lit = std::make_unique<LiteralExpr>();
  lit->value = v;
  return lit;
}

}  // namespace weft::logql
