#include "ingest/elastic/bulk_action.h"

#include <optional>

namespace weft::ingest::elastic {

namespace {

using simdjson::dom::element_type;

Status malformed(size_t line_number, std::string_view what) {
  return Status::invalid("malformed action/metadata line [" + std::to_string(line_number) +
                         "]: " + std::string(what));
}

std::optional<BulkOp> op_named(std::string_view name) {
  if (name == "index") return BulkOp::kIndex;
  if (name == "create") return BulkOp::kCreate;
  if (name == "update") return BulkOp::kUpdate;
  if (name == "delete") return BulkOp::kDelete;
  return std::nullopt;
}

// The text of an _id: a string as it is, an integer in decimal.
bool id_text(JsonValue value, std::string* out) {
  switch (value.type()) {
    case element_type::STRING: out->assign(value.get_string().value_unsafe()); return true;
    case element_type::INT64: *out = std::to_string(value.get_int64().value_unsafe()); return true;
    case element_type::UINT64:
      *out = std::to_string(value.get_uint64().value_unsafe());
      return true;
    default: return false;
  }
}

Status read_parameters(simdjson::dom::object parameters, size_t line_number, BulkAction* out) {
  for (simdjson::dom::key_value_pair p : parameters) {
    if (p.key == "_index") {
      if (p.value.type() != element_type::STRING)
        return malformed(line_number, "_index must be a string");
      out->index.assign(p.value.get_string().value_unsafe());
    } else if (p.key == "_id") {
      if (!id_text(p.value, &out->id)) return malformed(line_number, "_id must be a string");
    }
  }
  return Status::ok();
}

}  // namespace

Result<BulkAction> parse_bulk_action(JsonValue line, size_t line_number) {
  simdjson::dom::object object;
  if (line.get_object().get(object) != simdjson::SUCCESS)
    return malformed(line_number, "expected a JSON object");
  if (object.size() != 1)
    return malformed(line_number, "expected exactly one action (index, create, update or delete)");
  simdjson::dom::key_value_pair only = *object.begin();
  auto op = op_named(only.key);
  if (!op)
    return malformed(line_number, "expected one of index, create, update, delete; got [" +
                                      std::string(only.key.substr(0, 64)) + "]");
  simdjson::dom::object parameters;
  if (only.value.get_object().get(parameters) != simdjson::SUCCESS)
    return malformed(line_number, "the parameters of an action must be a JSON object");
  BulkAction action;
  action.op = *op;
  WEFT_RETURN_IF_ERROR(read_parameters(parameters, line_number, &action));
  return action;
}

}  // namespace weft::ingest::elastic
