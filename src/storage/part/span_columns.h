// The columns of a span block (docs/format/part.md, "Span columns"): how Spans become columns
// and come back.
//
//   time (start), duration (end - start), trace_id, span_id, parent_span_id, trace_state,
//   flags, name, kind, status_code, status_message, events, links (one encoded list per row,
//   "" when none), dropped_attributes, dropped_events, dropped_links, resource, scope,
//   attributes (+ shape)
//
// The service is the resource's service.name (a stream label), so it has no column of its own.
//
// Thread safety: pure functions.
#pragma once

#include <span>
#include <vector>

#include "model/span.h"
#include "storage/part/column_builder.h"
#include "storage/part/column_mask.h"
#include "storage/part/column_source.h"
#include "storage/part/decode_cache.h"

namespace weft::storage {

// REQUIRES: rows sorted by start time, all of one stream.
void encode_span_columns(std::span<const Span* const> rows, ColumnBuilder& b);

// Appends the block's h.rows spans to *out, with the fields `mask` asks for.
Status decode_span_columns(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, DecodeCache& cache,
                           std::vector<Span>* out);

inline UnixNanos sort_time(const Span& s) { return s.start_time_unix_nano; }
size_t estimated_row_bytes(const Span& s);
// Whether no value of the span nests deeper than kMaxValueDepth (what readers accept).
bool within_depth_limit(const Span& s);

}  // namespace weft::storage
