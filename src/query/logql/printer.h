// The canonical text of a LogQL syntax tree, in Loki's own printed form (what its
// Expr.String() gives): `{app="x"} |= "err" | json | level="error"`,
// `sum by (level)(rate({app="x"}[5m]))`. Printing a parsed query and parsing the text again
// gives the same tree; golden tests compare these strings, and /loki/api/v1/format_query
// answers with them.
// Thread safety: pure functions.
#pragma once

#include <string>

#include "query/logql/ast.h"

namespace weft::logql {

std::string print_query(const Query& query);
std::string print_log_selector(const LogSelector& selector);
std::string print_sample(const SampleExpr& expr);
std::string print_matchers(const std::vector<LabelMatcherExpr>& matchers);
std::string print_label_filter(const LabelFilterExpr& filter);

// A float as Go's fmt "%v" prints it: "1", "0.5", "1e+21", "1e-05".
std::string format_go_float(double v);

}  // namespace weft::logql
