// Value records: the binary encoding of one AnyValue, an attribute list, a Resource, a Scope,
// and a span's events and links (docs/format/part.md, "Value records"). Used where a column
// holds one structured thing per row (array and kvlist values, resources and scopes in their
// dictionary columns, span events and links).
//
//   value      := kind u8 (ValueKind, never kAbsent) payload
//                 string/bytes: varint length, bytes; int: zigzag; double: 8 bytes (IEEE 754);
//                 false/true/empty: nothing; array: varint n, value*n;
//                 kvlist: varint n, (varint key length, key, value)*n
//   attributes := varint n, (key, value)*n   (order and duplicates kept)
//
// Decoders read untrusted bytes: they stop at kMaxValueDepth nesting and never allocate more
// elements than there are bytes left.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "model/any_value.h"
#include "model/resource.h"
#include "model/span.h"
#include "storage/part/byte_reader.h"
#include "storage/part/byte_writer.h"

namespace weft::storage {

// The nesting depth of a value: 0 for scalars, 1 + the deepest element for arrays and kvlists.
int value_depth(const AnyValue& value);
int attributes_depth(const Attributes& attributes);

void encode_value(const AnyValue& value, ByteWriter& w);
bool decode_value(ByteReader& in, AnyValue* out, int depth = 0);
void encode_attributes(const Attributes& attributes, ByteWriter& w);
bool decode_attributes(ByteReader& in, Attributes* out, int depth = 0);

// resource := attributes, varint dropped, varint length + schema_url
std::string encode_resource(const Resource& resource);
bool decode_resource(std::string_view bytes, Resource* out);
// scope := name, version (each varint length + bytes), attributes, varint dropped, schema_url
std::string encode_scope(const Scope& scope);
bool decode_scope(std::string_view bytes, Scope* out);

// events := varint n, (zigzag (time - span start), name, attributes, varint dropped)*n
void encode_events(const std::vector<SpanEvent>& events, UnixNanos span_start, std::string* out);
bool decode_events(std::string_view bytes, UnixNanos span_start, std::vector<SpanEvent>* out);
// links := varint n, (trace id 16, span id 8, trace_state, attributes, varint dropped,
//          varint flags)*n
void encode_links(const std::vector<SpanLink>& links, std::string* out);
bool decode_links(std::string_view bytes, std::vector<SpanLink>* out);

}  // namespace weft::storage
