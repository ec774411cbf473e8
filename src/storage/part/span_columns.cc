#include "storage/part/span_columns.h"

#include "storage/part/record_columns.h"
#include "storage/part/value_codec.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {

using part_format::ColumnId;

namespace {

template <typename Field>
std::vector<int64_t> ints_of(std::span<const Span* const> rows, Field f) {
  std::vector<int64_t> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = static_cast<int64_t>(f(*rows[i]));
  return v;
}

template <typename Field>
std::vector<std::string_view> strings_of(std::span<const Span* const> rows, Field f) {
  std::vector<std::string_view> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = f(*rows[i]);
  return v;
}

template <typename T, typename Field>
std::vector<const T*> pointers_of(std::span<const Span* const> rows, Field f) {
  std::vector<const T*> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = f(*rows[i]);
  return v;
}

void encode_events_column(std::span<const Span* const> rows, ColumnBuilder& b) {
  std::vector<std::string> bytes(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    if (!rows[i]->events.empty()) encode_events(rows[i]->events, rows[i]->start_time_unix_nano, &bytes[i]);
  std::vector<std::string_view> views(bytes.begin(), bytes.end());
  EncodedColumn* c = b.strings(ColumnId::kEvents, views);
  if (c == nullptr) return;
  for (const Span* s : rows) {
    for (const SpanEvent& e : s->events) {
      c->tokens.add_tokens(e.name);
      std::vector<std::string_view> texts;
      for (const auto& kv : e.attributes) collect_value_texts(kv.value, &texts);
      for (std::string_view t : texts) c->tokens.add_tokens(t);
    }
  }
}

void encode_links_column(std::span<const Span* const> rows, ColumnBuilder& b) {
  std::vector<std::string> bytes(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    if (!rows[i]->links.empty()) encode_links(rows[i]->links, &bytes[i]);
  std::vector<std::string_view> views(bytes.begin(), bytes.end());
  b.strings(ColumnId::kLinks, views);
}

}  // namespace

size_t estimated_row_bytes(const Span& s) { return 96 + span_heap_bytes(s); }

bool within_depth_limit(const Span& s) {
  constexpr int kMax = part_format::kMaxValueDepth;
  if (attributes_depth(s.attributes) > kMax) return false;
  if (s.resource && attributes_depth(s.resource->attributes) > kMax) return false;
  if (s.scope && attributes_depth(s.scope->attributes) > kMax) return false;
  for (const auto& e : s.events)
    if (attributes_depth(e.attributes) > kMax) return false;
  for (const auto& l : s.links)
    if (attributes_depth(l.attributes) > kMax) return false;
  return true;
}

void encode_span_columns(std::span<const Span* const> rows, ColumnBuilder& b) {
  b.ints(ColumnId::kTime, ints_of(rows, [](const Span& s) { return s.start_time_unix_nano; }));
  b.ints(ColumnId::kDuration, ints_of(rows, [](const Span& s) {
           return static_cast<int64_t>(static_cast<uint64_t>(s.end_time_unix_nano) - static_cast<uint64_t>(s.start_time_unix_nano));
         }));
  b.ids(ColumnId::kTraceId, strings_of(rows, [](const Span& s) { return s.trace_id.view(); }), zero_id(16));
  b.strings(ColumnId::kSpanId, strings_of(rows, [](const Span& s) { return s.span_id.view(); }), zero_id(8));
  b.strings(ColumnId::kParentSpanId, strings_of(rows, [](const Span& s) { return s.parent_span_id.view(); }), zero_id(8));
  b.strings(ColumnId::kTraceState, strings_of(rows, [](const Span& s) { return std::string_view(s.trace_state); }));
  b.ints(ColumnId::kFlags, ints_of(rows, [](const Span& s) { return s.flags; }));
  b.text(ColumnId::kName, strings_of(rows, [](const Span& s) { return std::string_view(s.name); }));
  b.ints(ColumnId::kKind, ints_of(rows, [](const Span& s) { return static_cast<int32_t>(s.kind); }));
  b.ints(ColumnId::kStatusCode, ints_of(rows, [](const Span& s) { return static_cast<int32_t>(s.status_code); }));
  b.text(ColumnId::kStatusMessage, strings_of(rows, [](const Span& s) { return std::string_view(s.status_message); }));
  encode_events_column(rows, b);
  encode_links_column(rows, b);
  b.ints(ColumnId::kDroppedAttributes, ints_of(rows, [](const Span& s) { return s.dropped_attributes_count; }));
  b.ints(ColumnId::kDroppedEvents, ints_of(rows, [](const Span& s) { return s.dropped_events_count; }));
  b.ints(ColumnId::kDroppedLinks, ints_of(rows, [](const Span& s) { return s.dropped_links_count; }));
  encode_resource_column(pointers_of<Resource>(rows, [](const Span& s) { return s.resource.get(); }), b);
  encode_scope_column(pointers_of<Scope>(rows, [](const Span& s) { return s.scope.get(); }), b);
  encode_attribute_columns(pointers_of<Attributes>(rows, [](const Span& s) { return &s.attributes; }), b);
}

namespace {

using Rows = std::vector<Span*>;

template <typename Set>
Status ints_into(ColumnSource& src, const BlockHeader& h, ColumnId id, Rows& rows, Set set) {
  std::vector<int64_t> v;
  WEFT_RETURN_IF_ERROR(decode_int_column(src, h, id, &v));
  for (size_t i = 0; i < h.rows; ++i) set(*rows[i], v[i]);
  return Status::ok();
}

// Calls set(span, value) for each row; set returns false when the value is malformed.
template <typename Set>
Status strings_into(ColumnSource& src, const BlockHeader& h, ColumnId id, Rows& rows, Set set) {
  StringVector v;
  WEFT_RETURN_IF_ERROR(decode_string_column(src, h, id, &v));
  for (size_t i = 0; i < h.rows; ++i)
    if (!set(*rows[i], v.at(i))) return src.malformed(*h.find(id), "malformed value");
  return Status::ok();
}

template <size_t N, typename Set>
Status ids_into(ColumnSource& src, const BlockHeader& h, ColumnId id, Rows& rows, Set set) {
  std::vector<FixedId<N>> v;
  WEFT_RETURN_IF_ERROR(decode_id_column(src, h, id, &v));
  for (size_t i = 0; i < h.rows; ++i) set(*rows[i], v[i]);
  return Status::ok();
}

Status decode_times(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, Rows& rows) {
  WEFT_RETURN_IF_ERROR(ints_into(src, h, ColumnId::kTime, rows, [](Span& s, int64_t v) { s.start_time_unix_nano = v; }));
  if (!mask.has(ColumnId::kDuration)) return Status::ok();
  return ints_into(src, h, ColumnId::kDuration, rows, [](Span& s, int64_t v) {
    s.end_time_unix_nano = static_cast<int64_t>(static_cast<uint64_t>(s.start_time_unix_nano) + static_cast<uint64_t>(v));
  });
}

Status decode_ids(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, Rows& rows) {
  if (mask.has(ColumnId::kTraceId))
    WEFT_RETURN_IF_ERROR(ids_into<16>(src, h, ColumnId::kTraceId, rows, [](Span& s, const TraceId& v) { s.trace_id = v; }));
  if (mask.has(ColumnId::kSpanId))
    WEFT_RETURN_IF_ERROR(ids_into<8>(src, h, ColumnId::kSpanId, rows, [](Span& s, const SpanId& v) { s.span_id = v; }));
  if (mask.has(ColumnId::kParentSpanId))
    WEFT_RETURN_IF_ERROR(ids_into<8>(src, h, ColumnId::kParentSpanId, rows, [](Span& s, const SpanId& v) { s.parent_span_id = v; }));
  return Status::ok();
}

Status decode_scalars(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, Rows& rows) {
  auto text = [&](ColumnId id, std::string Span::*field) -> Status {
    if (!mask.has(id)) return Status::ok();
    return strings_into(src, h, id, rows, [field](Span& s, std::string_view v) { s.*field = std::string(v); return true; });
  };
  auto count = [&](ColumnId id, uint32_t Span::*field) -> Status {
    if (!mask.has(id)) return Status::ok();
    return ints_into(src, h, id, rows, [field](Span& s, int64_t v) { s.*field = static_cast<uint32_t>(v); });
  };
  WEFT_RETURN_IF_ERROR(text(ColumnId::kTraceState, &Span::trace_state));
  WEFT_RETURN_IF_ERROR(text(ColumnId::kName, &Span::name));
  WEFT_RETURN_IF_ERROR(text(ColumnId::kStatusMessage, &Span::status_message));
  WEFT_RETURN_IF_ERROR(count(ColumnId::kFlags, &Span::flags));
  WEFT_RETURN_IF_ERROR(count(ColumnId::kDroppedAttributes, &Span::dropped_attributes_count));
  WEFT_RETURN_IF_ERROR(count(ColumnId::kDroppedEvents, &Span::dropped_events_count));
  WEFT_RETURN_IF_ERROR(count(ColumnId::kDroppedLinks, &Span::dropped_links_count));
  if (mask.has(ColumnId::kKind))
    WEFT_RETURN_IF_ERROR(ints_into(src, h, ColumnId::kKind, rows, [](Span& s, int64_t v) { s.kind = static_cast<SpanKind>(v); }));
  if (mask.has(ColumnId::kStatusCode))
    WEFT_RETURN_IF_ERROR(ints_into(src, h, ColumnId::kStatusCode, rows,
                                   [](Span& s, int64_t v) { s.status_code = static_cast<SpanStatusCode>(v); }));
  return Status::ok();
}

Status decode_lists(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, Rows& rows) {
  if (mask.has(ColumnId::kEvents))
    WEFT_RETURN_IF_ERROR(strings_into(src, h, ColumnId::kEvents, rows, [](Span& s, std::string_view v) {
      return v.empty() || decode_events(v, s.start_time_unix_nano, &s.events);
    }));
  if (mask.has(ColumnId::kLinks))
    WEFT_RETURN_IF_ERROR(strings_into(src, h, ColumnId::kLinks, rows, [](Span& s, std::string_view v) {
      return v.empty() || decode_links(v, &s.links);
    }));
  return Status::ok();
}

Status decode_shared(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, DecodeCache& cache, Rows& rows) {
  if (mask.has(ColumnId::kResource)) {
    std::vector<ResourcePtr> v;
    WEFT_RETURN_IF_ERROR(decode_resource_column(src, h, cache, &v));
    for (size_t i = 0; i < h.rows; ++i) rows[i]->resource = std::move(v[i]);
  }
  if (mask.has(ColumnId::kScope)) {
    std::vector<ScopePtr> v;
    WEFT_RETURN_IF_ERROR(decode_scope_column(src, h, cache, &v));
    for (size_t i = 0; i < h.rows; ++i) rows[i]->scope = std::move(v[i]);
  }
  if (mask.any_attributes()) {
    std::vector<Attributes> v;
    WEFT_RETURN_IF_ERROR(decode_attribute_columns(src, h, mask, &v));
    for (size_t i = 0; i < h.rows; ++i) rows[i]->attributes = std::move(v[i]);
  }
  return Status::ok();
}

}  // namespace

Status decode_span_columns(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, DecodeCache& cache,
                           std::vector<Span>* out) {
  size_t first = out->size();
  out->resize(first + h.rows);
  Rows rows(h.rows);
  for (size_t i = 0; i < h.rows; ++i) rows[i] = &(*out)[first + i];
  Status s = decode_times(src, h, mask, rows);
  if (s.is_ok()) s = decode_ids(src, h, mask, rows);
  if (s.is_ok()) s = decode_scalars(src, h, mask, rows);
  if (s.is_ok()) s = decode_lists(src, h, mask, rows);
  if (s.is_ok()) s = decode_shared(src, h, mask, cache, rows);
  if (!s.is_ok()) out->resize(first);
  return s;
}

}  // namespace weft::storage
