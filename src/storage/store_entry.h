// StoreEntry: the payload of one Store WAL entry: one batch of logs or spans of one tenant.
//
//   version u8 (= kStoreEntryVersion) | signal u8 (1 logs, 2 spans) |
//   tenant length u32 (little-endian) | tenant bytes | OTLP protobuf export request
//
// The request is weft::otlp::encode_logs_proto / encode_spans_proto of the batch: an
// ExportLogsServiceRequest or ExportTraceServiceRequest. Specified in docs/format/wal.md.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"

namespace weft::storage {

inline constexpr uint8_t kStoreEntryVersion = 1;
inline constexpr size_t kStoreEntryHeaderSize = 6;  // version, signal, tenant length

enum class Signal : uint8_t { kLogs = 1, kSpans = 2 };

std::string encode_log_entry(const LogBatch& batch);
std::string encode_span_entry(const SpanBatch& batch);

struct DecodedEntry {
  Signal signal = Signal::kLogs;
  LogBatch logs;    // set when signal is kLogs (tenant included)
  SpanBatch spans;  // set when signal is kSpans (tenant included)
  uint64_t rejected = 0;  // records the OTLP decoder dropped; 0 for entries weft wrote
};

// kCorruption for a payload that is not a well-formed store entry.
Result<DecodedEntry> decode_store_entry(std::string_view entry);

}  // namespace weft::storage
