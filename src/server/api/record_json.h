// JSON forms of stored records for the native API (shapes in docs/api.md): a log record, a
// span, a resource, a scope. 64-bit times are decimal strings; ids lowercase hex or "" when
// absent; attributes JSON objects.
#pragma once

#include "common/json_writer.h"
#include "model/log_record.h"
#include "model/resource.h"
#include "model/span.h"

namespace weft::server::api {

void write_log_record_json(JsonWriter& w, const LogRecord& record);
void write_span_json(JsonWriter& w, const Span& span);
// A null resource or scope is written as an empty one.
void write_resource_json(JsonWriter& w, const Resource* resource);
void write_scope_json(JsonWriter& w, const Scope* scope);

// The "severity" of a record: its severity text, else the level name of its number in
// capitals ("INFO"), else "".
std::string severity_display(const LogRecord& record);

}  // namespace weft::server::api
