#include "query/traceql/traceql_stages.h"

#include <algorithm>
#include <map>

#include "query/traceql/traceql_printer.h"
#include "query/traceql/traceql_value.h"

namespace weft::query::traceql {

namespace {

std::string attribute_list_text(const std::vector<AttributeRef>& attributes) {
  std::string out;
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (i) out += ", ";
    out += print_attribute(attributes[i]);
  }
  return out;
}

// The literal an aggregate yields: a duration when its inputs are durations, else a number.
Literal number_literal(double value, bool duration, bool integral) {
  Literal l;
  if (duration || integral) {
    l.kind = duration ? Literal::Kind::kDuration : Literal::Kind::kInt;
    l.int_value = static_cast<int64_t>(value);
  } else {
    l.kind = Literal::Kind::kFloat;
    l.float_value = value;
  }
  return l;
}

}  // namespace

bool aggregate_value(const ScalarFilter& filter, const TraceContext& trace, const Spanset& set,
                     Literal& out) {
  if (filter.fn == AggregateFn::kCount) {
    out = number_literal(static_cast<double>(set.spans.size()), false, true);
    return true;
  }
  double sum = 0, min = 0, max = 0;
  size_t n = 0;
  bool duration = false;
  for (uint32_t i : set.spans) {
    Literal v = attribute_value(trace, i, *filter.attribute);
    double x;
    if (!numeric_value(v, x)) continue;
    duration = v.kind == Literal::Kind::kDuration;
    min = n == 0 ? x : std::min(min, x);
    max = n == 0 ? x : std::max(max, x);
    sum += x;
    ++n;
  }
  if (n == 0) return false;
  switch (filter.fn) {
    case AggregateFn::kAvg: out = number_literal(sum / n, duration, false); break;
    case AggregateFn::kMin: out = number_literal(min, duration, false); break;
    case AggregateFn::kMax: out = number_literal(max, duration, false); break;
    default: out = number_literal(sum, duration, false); break;
  }
  return true;
}

std::vector<Spanset> filter_by_aggregate(const ScalarFilter& filter, const TraceContext& trace,
                                         std::vector<Spanset> sets) {
  std::vector<Spanset> out;
  for (Spanset& s : sets) {
    Literal value;
    if (aggregate_value(filter, trace, s, value) &&
        compare_values(value, filter.op, filter.literal, nullptr))
      out.push_back(std::move(s));
  }
  return out;
}

std::vector<Spanset> group_by(const std::vector<AttributeRef>& attributes,
                              const TraceContext& trace, std::vector<Spanset> sets) {
  std::string label = "by(" + attribute_list_text(attributes) + ")";
  std::vector<Spanset> out;
  for (Spanset& s : sets) {
    std::map<std::string, size_t> group_of;  // value tuple text -> index in out
    for (uint32_t i : s.spans) {
      std::string key;
      Literal first;
      for (size_t a = 0; a < attributes.size(); ++a) {
        Literal v = attribute_value(trace, i, attributes[a]);
        if (a == 0) first = v;
        key += print_literal(v);
        key.push_back('\0');
      }
      auto [it, added] = group_of.emplace(key, out.size());
      if (added) {
        Spanset g;
        g.labels = s.labels;
        g.labels.emplace_back(label, first);
        g.selected = s.selected;
        out.push_back(std::move(g));
      }
      out[it->second].spans.push_back(i);
    }
  }
  return out;
}

std::vector<Spanset> select_attributes(const std::vector<AttributeRef>& attributes,
                                       std::vector<Spanset> sets) {
  for (Spanset& s : sets) {
    for (const AttributeRef& a : attributes)
      if (std::find(s.selected.begin(), s.selected.end(), a) == s.selected.end())
        s.selected.push_back(a);
  }
  return sets;
}

std::vector<Spanset> coalesce(std::vector<Spanset> sets) {
  if (sets.size() <= 1) return sets;
  Spanset merged;
  merged.labels = sets.front().labels;
  for (Spanset& s : sets) {
    std::vector<uint32_t> united;
    std::set_union(merged.spans.begin(), merged.spans.end(), s.spans.begin(), s.spans.end(),
                   std::back_inserter(united));
    merged.spans = std::move(united);
    for (const AttributeRef& a : s.selected)
      if (std::find(merged.selected.begin(), merged.selected.end(), a) == merged.selected.end())
        merged.selected.push_back(a);
  }
  return {std::move(merged)};
}

}  // namespace weft::query::traceql
