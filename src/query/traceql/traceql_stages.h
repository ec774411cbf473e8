// The pipeline stages of TraceQL that work on whole spansets: aggregate filters
// (`count() > 2`, `avg(duration) > 1s`), by(), select() and coalesce().
// Thread safety: free functions.
#pragma once

#include <vector>

#include "query/traceql/traceql_evaluator.h"

namespace weft::query::traceql {

// Keeps the spansets whose aggregate compares true. avg/min/max/sum use the spans whose value
// is a number or a duration; a spanset with none such does not pass.
std::vector<Spanset> filter_by_aggregate(const ScalarFilter& filter, const TraceContext& trace,
                                         std::vector<Spanset> sets);

// Splits each spanset into one per distinct value tuple of `attributes` (spans without any of
// them form a group with nil), labelled "by(<attributes>)" -> the value (first attribute).
std::vector<Spanset> group_by(const std::vector<AttributeRef>& attributes,
                              const TraceContext& trace, std::vector<Spanset> sets);

std::vector<Spanset> select_attributes(const std::vector<AttributeRef>& attributes,
                                       std::vector<Spanset> sets);

// All spansets merged into one (labels of the first kept).
std::vector<Spanset> coalesce(std::vector<Spanset> sets);

// The aggregate of one spanset; false when it has no value (avg over no numbers).
bool aggregate_value(const ScalarFilter& filter, const TraceContext& trace, const Spanset& set,
                     Literal& out);

}  // namespace weft::query::traceql
