#include "storage/part/log_columns.h"

#include "storage/part/body_refs.h"
#include "storage/part/record_columns.h"
#include "storage/part/value_codec.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {

using part_format::ColumnId;

namespace {

template <typename Field>
std::vector<int64_t> ints_of(std::span<const LogRecord* const> rows, Field f) {
  std::vector<int64_t> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = static_cast<int64_t>(f(*rows[i]));
  return v;
}

template <typename Field>
std::vector<std::string_view> strings_of(std::span<const LogRecord* const> rows, Field f) {
  std::vector<std::string_view> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = f(*rows[i]);
  return v;
}

template <typename T, typename Field>
std::vector<const T*> pointers_of(std::span<const LogRecord* const> rows, Field f) {
  std::vector<const T*> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = f(*rows[i]);
  return v;
}

int64_t wrapping_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}

// The body column: a flags byte (kBodyIdRefs), then a value vector whose strings have their
// record's ids replaced by references (body_refs.h). The bloom filter holds the original words.
void encode_bodies(std::span<const LogRecord* const> rows, ColumnBuilder& b) {
  std::vector<const AnyValue*> original(rows.size()), stored(rows.size());
  std::vector<AnyValue> rewritten;
  rewritten.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const LogRecord& r = *rows[i];
    if (r.body.empty()) continue;
    original[i] = stored[i] = &r.body;
    if (const std::string* text = r.body.as_string()) {
      rewritten.emplace_back(encode_body_refs(*text, r.trace_id, r.span_id));
      stored[i] = &rewritten.back();
    }
  }
  const char flags = kBodyIdRefs;
  b.values(ColumnId::kBody, {}, 0, stored, std::string_view(&flags, 1), original);
}

}  // namespace

size_t estimated_row_bytes(const LogRecord& r) { return 64 + log_record_heap_bytes(r); }

bool within_depth_limit(const LogRecord& r) {
  constexpr int kMax = part_format::kMaxValueDepth;
  return value_depth(r.body) <= kMax && attributes_depth(r.attributes) <= kMax &&
         (!r.resource || attributes_depth(r.resource->attributes) <= kMax) &&
         (!r.scope || attributes_depth(r.scope->attributes) <= kMax);
}

void encode_log_columns(std::span<const LogRecord* const> rows, ColumnBuilder& b) {
  b.ints(ColumnId::kTime, ints_of(rows, [](const LogRecord& r) { return r.effective_time(); }));
  b.ints(ColumnId::kTimeUnset, ints_of(rows, [](const LogRecord& r) { return r.time_unix_nano == 0 ? 1 : 0; }));
  b.ints(ColumnId::kObservedDelta, ints_of(rows, [](const LogRecord& r) {
           return wrapping_sub(r.observed_time_unix_nano, r.effective_time());
         }));
  b.ints(ColumnId::kSeverityNumber, ints_of(rows, [](const LogRecord& r) { return r.severity_number; }));
  b.text(ColumnId::kSeverityText, strings_of(rows, [](const LogRecord& r) { return std::string_view(r.severity_text); }));
  encode_bodies(rows, b);
  b.text(ColumnId::kEventName, strings_of(rows, [](const LogRecord& r) { return std::string_view(r.event_name); }));
  b.ints(ColumnId::kFlags, ints_of(rows, [](const LogRecord& r) { return r.flags; }));
  b.ints(ColumnId::kDroppedAttributes, ints_of(rows, [](const LogRecord& r) { return r.dropped_attributes_count; }));
  b.ids(ColumnId::kTraceId, strings_of(rows, [](const LogRecord& r) { return r.trace_id.view(); }), zero_id(16));
  b.strings(ColumnId::kSpanId, strings_of(rows, [](const LogRecord& r) { return r.span_id.view(); }), zero_id(8));
  encode_resource_column(pointers_of<Resource>(rows, [](const LogRecord& r) { return r.resource.get(); }), b);
  encode_scope_column(pointers_of<Scope>(rows, [](const LogRecord& r) { return r.scope.get(); }), b);
  encode_attribute_columns(pointers_of<Attributes>(rows, [](const LogRecord& r) { return &r.attributes; }), b);
}

namespace {

// Bodies: an absent row is an empty body. Id references need the ids of each row.
Status decode_bodies(ColumnSource& src, const BlockHeader& h, std::vector<LogRecord*>& rows) {
  const ColumnHeader* c = h.find(ColumnId::kBody);
  if (c == nullptr) return Status::ok();
  Result<std::string_view> raw = src.raw(*c);
  if (!raw.is_ok()) return raw.status();
  ByteReader in(*raw);
  uint8_t flags = in.u8();
  ValueVector v;
  if ((flags & ~kBodyIdRefs) != 0 || !decode_value_vector(in, h.rows, &v) || !in.at_end())
    return src.malformed(*c, "malformed body vector");
  std::vector<TraceId> trace_ids;
  std::vector<SpanId> span_ids;
  if (flags & kBodyIdRefs) {
    WEFT_RETURN_IF_ERROR(decode_id_column(src, h, ColumnId::kTraceId, &trace_ids));
    WEFT_RETURN_IF_ERROR(decode_id_column(src, h, ColumnId::kSpanId, &span_ids));
  }
  std::string text;
  for (size_t i = 0; i < h.rows; ++i) {
    AnyValue& body = v.values[i];
    if (const std::string* stored = body.as_string(); stored != nullptr && (flags & kBodyIdRefs)) {
      if (!decode_body_refs(*stored, trace_ids[i], span_ids[i], &text)) return src.malformed(*c, "malformed id reference");
      body = AnyValue(std::move(text));
    }
    rows[i]->body = std::move(body);
  }
  return Status::ok();
}

Status decode_times(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, std::vector<LogRecord*>& rows) {
  std::vector<int64_t> time, unset, observed;
  WEFT_RETURN_IF_ERROR(decode_int_column(src, h, ColumnId::kTime, &time));
  WEFT_RETURN_IF_ERROR(decode_int_column(src, h, ColumnId::kTimeUnset, &unset));
  if (mask.has(ColumnId::kObservedDelta))
    WEFT_RETURN_IF_ERROR(decode_int_column(src, h, ColumnId::kObservedDelta, &observed));
  for (size_t i = 0; i < h.rows; ++i) {
    rows[i]->time_unix_nano = unset[i] != 0 ? 0 : time[i];
    if (!observed.empty())
      rows[i]->observed_time_unix_nano = static_cast<int64_t>(static_cast<uint64_t>(time[i]) + static_cast<uint64_t>(observed[i]));
  }
  return Status::ok();
}

template <typename Set>
Status decode_ints_into(ColumnSource& src, const BlockHeader& h, ColumnId id, std::vector<LogRecord*>& rows, Set set) {
  std::vector<int64_t> v;
  WEFT_RETURN_IF_ERROR(decode_int_column(src, h, id, &v));
  for (size_t i = 0; i < h.rows; ++i) set(*rows[i], v[i]);
  return Status::ok();
}

template <typename Set>
Status decode_strings_into(ColumnSource& src, const BlockHeader& h, ColumnId id, std::vector<LogRecord*>& rows, Set set) {
  StringVector v;
  WEFT_RETURN_IF_ERROR(decode_string_column(src, h, id, &v));
  for (size_t i = 0; i < h.rows; ++i) set(*rows[i], v.at(i));
  return Status::ok();
}

Status decode_shared(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, DecodeCache& cache,
                     std::vector<LogRecord*>& rows) {
  if (mask.has(ColumnId::kTraceId)) {
    std::vector<TraceId> ids;
    WEFT_RETURN_IF_ERROR(decode_id_column(src, h, ColumnId::kTraceId, &ids));
    for (size_t i = 0; i < h.rows; ++i) rows[i]->trace_id = ids[i];
  }
  if (mask.has(ColumnId::kSpanId)) {
    std::vector<SpanId> ids;
    WEFT_RETURN_IF_ERROR(decode_id_column(src, h, ColumnId::kSpanId, &ids));
    for (size_t i = 0; i < h.rows; ++i) rows[i]->span_id = ids[i];
  }
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

Status decode_log_columns(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, DecodeCache& cache,
                          std::vector<LogRecord>* out) {
  size_t first = out->size();
  out->resize(first + h.rows);
  std::vector<LogRecord*> rows(h.rows);
  for (size_t i = 0; i < h.rows; ++i) rows[i] = &(*out)[first + i];
  Status s = decode_times(src, h, mask, rows);
  if (s.is_ok() && mask.has(ColumnId::kSeverityNumber))
    s = decode_ints_into(src, h, ColumnId::kSeverityNumber, rows,
                         [](LogRecord& r, int64_t v) { r.severity_number = static_cast<int32_t>(v); });
  if (s.is_ok() && mask.has(ColumnId::kSeverityText))
    s = decode_strings_into(src, h, ColumnId::kSeverityText, rows,
                            [](LogRecord& r, std::string_view v) { r.severity_text = std::string(v); });
  if (s.is_ok() && mask.has(ColumnId::kBody)) s = decode_bodies(src, h, rows);
  if (s.is_ok() && mask.has(ColumnId::kEventName))
    s = decode_strings_into(src, h, ColumnId::kEventName, rows,
                            [](LogRecord& r, std::string_view v) { r.event_name = std::string(v); });
  if (s.is_ok() && mask.has(ColumnId::kFlags))
    s = decode_ints_into(src, h, ColumnId::kFlags, rows, [](LogRecord& r, int64_t v) { r.flags = static_cast<uint32_t>(v); });
  if (s.is_ok() && mask.has(ColumnId::kDroppedAttributes))
    s = decode_ints_into(src, h, ColumnId::kDroppedAttributes, rows,
                         [](LogRecord& r, int64_t v) { r.dropped_attributes_count = static_cast<uint32_t>(v); });
  if (s.is_ok()) s = decode_shared(src, h, mask, cache, rows);
  if (!s.is_ok()) out->resize(first);
  return s;
}

}  // namespace weft::storage
