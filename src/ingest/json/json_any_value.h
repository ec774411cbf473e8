// Conversion of parsed JSON values (simdjson DOM) into the OpenTelemetry value model, shared by
// the JSON-based ingest protocols (Elasticsearch bulk, Splunk HEC).
//
// Pure functions; thread-safe.
#pragma once

#include <simdjson.h>

#include "model/any_value.h"

namespace weft::ingest {

using JsonValue = simdjson::dom::element;

// Containers nested deeper than this are kept as their compact JSON text.
inline constexpr int kMaxJsonValueDepth = 32;

// A JSON value as an AnyValue: strings, booleans; integers as int64 (unsigned ones past the
// int64 range as double); other numbers as double; arrays as arrays; objects as kvlists in
// member order; null as the empty value. An array or object more than `depth` levels down is
// kept as its compact JSON text (a string), so no input is refused for its depth.
AnyValue json_to_any_value(JsonValue value, int depth = kMaxJsonValueDepth);

}  // namespace weft::ingest
