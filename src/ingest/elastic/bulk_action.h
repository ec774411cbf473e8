// The action line of a bulk request: {"<op>":{"_index":"...","_id":"...", ...}}.
//
// Exactly one member, named index, create, update or delete, whose value is an object. Of its
// parameters weft reads _index (a string) and _id (a string or a number); the others
// (routing, pipeline, require_alias, if_seq_no, ...) are accepted and have no effect.
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/elastic/bulk_request.h"
#include "ingest/json/json_any_value.h"

namespace weft::ingest::elastic {

struct BulkAction {
  BulkOp op = BulkOp::kIndex;
  std::string index;       // "" when the line names none
  std::string id;          // "" when the line names none
};

// kInvalidArgument with a reason naming the (1-based) line for anything else.
Result<BulkAction> parse_bulk_action(JsonValue line, size_t line_number);

// Whether an action is followed by a document line.
inline bool bulk_op_has_document(BulkOp op) { return op != BulkOp::kDelete; }

}  // namespace weft::ingest::elastic
