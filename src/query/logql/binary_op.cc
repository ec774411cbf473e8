// Binary operations between step matrices, with Prometheus's vector matching: arithmetic and
// comparisons (filtering, or 0/1 with `bool`), and/or/unless, on()/ignoring(),
// group_left()/group_right().
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "query/logql/metric_eval.h"
#include "query/logql/parse_validate.h"

namespace weft::logql {

namespace {

bool comparison_holds(const std::string& op, double l, double r) {
  if (op == "==") return l == r;
  if (op == "!=") return l != r;
  if (op == ">") return l > r;
  if (op == ">=") return l >= r;
  if (op == "<") return l < r;
  return l <= r;  // "<="
}

// The value of one pair of samples; false when a comparison filters it out.
bool combine(const BinaryExpr& bin, double l, double r, double vector_value, double& out) {
  if (!is_comparison_op(bin.op)) {
    out = apply_arithmetic(bin.op, l, r);
    return true;
  }
  bool holds = comparison_holds(bin.op, l, r);
  if (bin.return_bool) {
    out = holds ? 1 : 0;
    return true;
  }
  out = vector_value;
  return holds;
}

LabelSet signature(const LabelSet& labels, const VectorMatching& m) {
  if (!m.has_labels) return labels;
  Grouping g{!m.on, m.labels};
  return group_labels(labels, g);
}

StepMatrix with_scalar(const BinaryExpr& bin, StepMatrix vec, const StepMatrix& scalar, bool scalar_left,
                       size_t steps) {
  StepMatrix out;
  out.scalar = vec.scalar;
  for (auto& s : vec.series) {
    for (size_t i = 0; i < steps; ++i) {
      if (!s.present[i]) continue;
      double sv = scalar.series[0].values[i];
      double l = scalar_left ? sv : s.values[i];
      double r = scalar_left ? s.values[i] : sv;
      double v;
      if (combine(bin, l, r, s.values[i], v)) s.values[i] = v;
      else s.present[i] = 0;
    }
    if (s.any()) out.series.push_back(std::move(s));
  }
  return out;
}

Result<StepMatrix> set_operation(const BinaryExpr& bin, StepMatrix lhs, StepMatrix rhs, size_t steps) {
  const VectorMatching& m = bin.matching;
  std::vector<LabelSet> lsig, rsig;
  for (const auto& s : lhs.series) lsig.push_back(signature(s.labels, m));
  for (const auto& s : rhs.series) rsig.push_back(signature(s.labels, m));
  StepMatrix out;
  for (size_t i = 0; i < steps; ++i) {
    std::unordered_map<LabelSet, bool, LabelSetHash> right_present, left_present;
    for (size_t s = 0; s < rhs.series.size(); ++s)
      if (rhs.series[s].present[i]) right_present[rsig[s]] = true;
    for (size_t s = 0; s < lhs.series.size(); ++s) {
      if (!lhs.series[s].present[i]) continue;
      left_present[lsig[s]] = true;
      bool matched = right_present.count(lsig[s]) > 0;
      if ((bin.op == "and" && !matched) || (bin.op == "unless" && matched)) lhs.series[s].present[i] = 0;
    }
    if (bin.op == "or")
      for (size_t s = 0; s < rhs.series.size(); ++s)
        if (rhs.series[s].present[i] && left_present.count(rsig[s])) rhs.series[s].present[i] = 0;
  }
  for (auto& s : lhs.series)
    if (s.any()) out.series.push_back(std::move(s));
  if (bin.op == "or")
    for (auto& s : rhs.series)
      if (s.any()) out.series.push_back(std::move(s));
  return out;
}

LabelSet result_labels(const BinaryExpr& bin, const LabelSet& many, const LabelSet& one) {
  const VectorMatching& m = bin.matching;
  LabelSet out = many;
  if (m.card == Cardinality::kOneToOne && m.has_labels) out = group_labels(many, Grouping{!m.on, m.labels});
  for (const auto& name : m.include) {
    if (const std::string* v = one.get(name)) out.set(name, *v);
    else out.erase(name);
  }
  return out;
}

Result<StepMatrix> vector_vector(const BinaryExpr& bin, StepMatrix lhs, StepMatrix rhs, size_t steps) {
  if (is_set_op(bin.op)) return set_operation(bin, std::move(lhs), std::move(rhs), steps);
  bool swapped = bin.matching.card == Cardinality::kOneToMany;
  StepMatrix& many = swapped ? rhs : lhs;
  StepMatrix& one = swapped ? lhs : rhs;
  std::vector<LabelSet> many_sig, one_sig;
  for (const auto& s : many.series) many_sig.push_back(signature(s.labels, bin.matching));
  for (const auto& s : one.series) one_sig.push_back(signature(s.labels, bin.matching));
  // The one side in label order, so a duplicate is reported the same whatever order the
  // series were read in.
  std::vector<size_t> one_order(one.series.size());
  for (size_t s = 0; s < one_order.size(); ++s) one_order[s] = s;
  std::sort(one_order.begin(), one_order.end(),
            [&](size_t a, size_t b) { return one.series[a].labels < one.series[b].labels; });
  std::map<LabelSet, StepSeries> results;
  std::unordered_map<LabelSet, size_t, LabelSetHash> one_at;
  std::unordered_map<LabelSet, size_t, LabelSetHash> many_seen;
  for (size_t i = 0; i < steps; ++i) {
    one_at.clear();
    many_seen.clear();
    for (size_t s : one_order) {
      if (!one.series[s].present[i]) continue;
      if (!one_at.try_emplace(one_sig[s], s).second)
        return Status::invalid("found duplicate series for the match group " + one_sig[s].to_string() +
                               " on the " + (swapped ? "left" : "right") +
                               " hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side");
    }
    for (size_t s = 0; s < many.series.size(); ++s) {
      if (!many.series[s].present[i]) continue;
      auto match = one_at.find(many_sig[s]);
      if (match == one_at.end()) continue;
      if (bin.matching.card == Cardinality::kOneToOne && !many_seen.try_emplace(many_sig[s], s).second)
        return Status::invalid("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
      const StepSeries& o = one.series[match->second];
      double l = swapped ? o.values[i] : many.series[s].values[i];
      double r = swapped ? many.series[s].values[i] : o.values[i];
      double v;
      if (!combine(bin, l, r, l, v)) continue;
      LabelSet labels = result_labels(bin, many.series[s].labels, o.labels);
      auto [it, added] = results.try_emplace(labels, labels, steps);
      if (!added && it->second.present[i])
        return Status::invalid("multiple matches for labels: grouping labels must ensure unique matches");
      it->second.set(i, v);
    }
  }
  StepMatrix out;
  for (auto& [labels, s] : results) out.series.push_back(std::move(s));
  return out;
}

}  // namespace

Result<StepMatrix> evaluate_binary(const BinaryExpr& bin, const StepGrid& grid, EvalContext& ctx) {
  auto lhs = evaluate(*bin.lhs, grid, ctx);
  if (!lhs.is_ok()) return lhs;
  auto rhs = evaluate(*bin.rhs, grid, ctx);
  if (!rhs.is_ok()) return rhs;
  size_t steps = grid.size();
  if (lhs->scalar && rhs->scalar) {
    StepMatrix out = StepMatrix::constant(0, steps, true);
    for (size_t i = 0; i < steps; ++i) {
      double l = lhs->series[0].values[i], r = rhs->series[0].values[i];
      out.series[0].values[i] = is_comparison_op(bin.op) ? (comparison_holds(bin.op, l, r) ? 1 : 0)
                                                         : apply_arithmetic(bin.op, l, r);
    }
    return out;
  }
  if (rhs->scalar) return with_scalar(bin, std::move(*lhs), *rhs, false, steps);
  if (lhs->scalar) return with_scalar(bin, std::move(*rhs), *lhs, true, steps);
  return vector_vector(bin, std::move(*lhs), std::move(*rhs), steps);
}

}  // namespace weft::logql
