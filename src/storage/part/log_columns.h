// The columns of a log block (docs/format/part.md, "Log columns"): how LogRecords become
// columns and come back.
//
//   time             effective time (time_unix_nano, or the observed time when that is 0)
//   time_unset       1 where time_unix_nano was 0
//   observed_time    observed_time_unix_nano - time
//   severity_number, severity_text, body (a flags byte, then a value vector whose strings
//   reference the record's ids: body_refs.h), event_name, flags,
//   dropped_attributes, trace_id, span_id, resource, scope, attributes (+ shape)
//
// Thread safety: pure functions.
#pragma once

#include <span>
#include <vector>

#include "model/log_record.h"
#include "storage/part/column_builder.h"
#include "storage/part/column_mask.h"
#include "storage/part/column_source.h"
#include "storage/part/decode_cache.h"

namespace weft::storage {

// Flags of the body column's first byte: string bodies hold id references (body_refs.h).
inline constexpr uint8_t kBodyIdRefs = 0x01;

// REQUIRES: rows sorted by effective time, all of one stream.
void encode_log_columns(std::span<const LogRecord* const> rows, ColumnBuilder& b);

// Appends the block's h.rows records to *out, with the fields `mask` asks for.
Status decode_log_columns(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask, DecodeCache& cache,
                          std::vector<LogRecord>* out);

// The sort time of a log record and an estimate of its uncompressed size (block cutting).
inline UnixNanos sort_time(const LogRecord& r) { return r.effective_time(); }
size_t estimated_row_bytes(const LogRecord& r);
// Whether no value of the record nests deeper than kMaxValueDepth (what readers accept).
bool within_depth_limit(const LogRecord& r);

}  // namespace weft::storage
