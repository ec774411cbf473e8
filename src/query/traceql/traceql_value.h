// Values of attributes and intrinsics as TraceQL compares them. A runtime value is a Literal
// (traceql_ast.h): nil, string, int, float, bool, duration, status or kind.
//
// Comparison rules (as Tempo): `= nil` is true for a missing attribute and `!= nil` for a
// present one; otherwise a missing attribute matches nothing. Ints, floats and durations
// compare as numbers; strings compare as text (=~ and !~ fully anchored, RE2); bools, status and
// kind compare by = and != only; values of different types never match.
// Thread safety: free functions.
#pragma once

#include "query/traceql/traceql_ast.h"
#include "query/traceql/traceql_trace.h"

namespace weft::query::traceql {

// The value of `attribute` for span `index` of `trace`; kNil when absent. event:name gives the
// first event's name (compare_attribute checks every event).
Literal attribute_value(const TraceContext& trace, uint32_t index, const AttributeRef& attribute);

// A stored attribute value as a TraceQL value (arrays and kvlists as their JSON text).
Literal literal_from_any(const AnyValue& value);

bool compare_values(const Literal& value, CompareOp op, const Literal& operand,
                    const re2::RE2* regex);

// attribute_value + compare_values; for event:name, true when any event's name matches.
bool compare_attribute(const TraceContext& trace, uint32_t index, const AttributeRef& attribute,
                       CompareOp op, const Literal& operand, const re2::RE2* regex);

// The number a value stands for (durations in nanoseconds); false when it is not a number.
bool numeric_value(const Literal& value, double& out);

// The value as text for labels and tag values: strings as they are, numbers in decimal,
// durations in nanoseconds, status and kind by their keyword.
std::string value_text(const Literal& value);

}  // namespace weft::query::traceql
