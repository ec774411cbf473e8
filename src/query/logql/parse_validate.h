// The checks Loki makes on a parsed query before running it (parser.h calls them), and the
// folding of literal arithmetic ("2 * 3" -> 6). Messages are Loki's, without the
// "parse error : " prefix.
// Thread safety: pure functions.
#pragma once

#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"

namespace weft::logql {

Status validate_query(const Query& query);

// Regexes compile; with `require_selective`, at least one matcher does not match "".
Status validate_matchers(const std::vector<LabelMatcherExpr>& matchers, bool require_selective);

// A binary expression, or the literal it reduces to when both sides are literals and the
// result is finite (1/0 stays an operation, so printing and parsing again agree). An invalid
// literal combination is reported by validate_query.
SampleExprPtr fold_binary(std::unique_ptr<BinaryExpr> bin);

// The value of `l op r` for two numbers; comparisons give 1 or 0.
double apply_arithmetic(std::string_view op, double l, double r);

}  // namespace weft::logql
