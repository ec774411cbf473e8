// The TraceQL intrinsics weft knows: their spellings (with aliases such as `span:name` for
// `name`) and canonical names. Thread safety: immutable tables.
#pragma once

#include <string_view>
#include <vector>

#include "query/traceql/traceql_ast.h"

namespace weft::query::traceql {

struct IntrinsicInfo {
  std::string_view spelling;   // as written in a query
  std::string_view canonical;  // as the printer writes it and tag APIs list it
  Intrinsic intrinsic;
};

// nullptr when `word` names no intrinsic.
const IntrinsicInfo* find_intrinsic(std::string_view word);

// The canonical names, in documentation order (for /api/v2/search/tags).
std::vector<std::string_view> intrinsic_names();

}  // namespace weft::query::traceql
