// PushBuilder: what the Loki push decoders (protobuf and JSON) feed, stream by stream and
// entry by entry. It applies Loki's validation and weft's mapping (stream_mapping.h):
//
//   per stream   labels that did not parse, no labels at all, a duplicate label name:
//                the stream's entries are all refused, with one message
//   per entry    timestamp older than limits.reject_old_samples_max_age (and any timestamp
//                before 1970), newer than now + limits.creation_grace_period, a line over
//                limits.max_line_size: that entry is refused, with one message each
//
// Everything else becomes a LogRecord: time = the entry's timestamp, observed time = now,
// body = the line (a string), severity from the stream's level label or else the entry's
// level structured metadata, structured metadata as string attributes except valid hex
// trace_id / span_id, which become the record's ids. Records with the same labels share one
// Resource (also across streams of a request: pino-loki sends a stream per record); all
// records of a request share one empty Scope. Streams without entries are
// skipped, as Loki skips them (no validation, no error).
//
// Usage: for each stream, begin_stream(), add_entry() per entry, end_stream(); then finish().
// Not thread-safe: one builder per request.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "ingest/loki/prometheus_labels.h"
#include "ingest/loki/push_errors.h"
#include "model/log_record.h"

namespace weft::ingest::loki {

// Loki's per-entry limits (settings loki.*; docs/configuration.md).
struct PushLimits {
  uint64_t max_line_size = 256 << 10;  // bytes; 0 = no limit
  int64_t reject_old_samples_max_age_ns = 168ll * 3600 * 1'000'000'000;  // 0 = no limit
  int64_t creation_grace_period_ns = 600ll * 1'000'000'000;
};

struct PushOptions {
  PushLimits limits;
  UnixNanos now = 0;  // the request's arrival: the reference of the time limits
};

// One structured metadata pair of an entry, viewed in the request.
struct MetadataPair {
  std::string_view name;
  std::string_view value;
};

// A decoded push request.
struct PushResult {
  LogBatch batch;      // the accepted entries; tenant left empty for the caller
  PushErrors errors;   // what was refused, and why
  uint64_t streams = 0;  // streams in the request, with or without entries
};

class PushBuilder {
 public:
  explicit PushBuilder(const PushOptions& options);

  // Starts a stream: its labels as parsed (in the order written), or the parse error.
  // `raw_labels` is the label text as sent, for messages ("" to print the labels instead).
  void begin_stream(Result<Labels> labels, std::string_view raw_labels);
  // A hint: the stream has about this many entries.
  void reserve(size_t entries);
  void add_entry(UnixNanos timestamp, std::string_view line,
                 std::span<const MetadataPair> metadata);
  void end_stream();

  PushResult finish() &&;

 private:
  // Validates the stream's labels; on success sets up its resource and severity.
  void set_up_stream(Labels labels, std::string_view raw_labels);
  // The reason an entry is refused, or "".
  std::string entry_error(UnixNanos timestamp, size_t line_size);
  // The stream's labels as Loki's messages print them (computed on first use).
  const std::string& labels_text();
  void apply_metadata(LogRecord& record, std::span<const MetadataPair> metadata) const;
  // The Resource of final labels, made once per distinct label set of the request.
  ResourcePtr resource_for(const Labels& labels);

  PushOptions options_;
  PushResult result_;
  ScopePtr scope_;
  std::map<std::string, ResourcePtr, std::less<>> resources_;  // by labels (see resource_for)

  // The current stream.
  std::string stream_error_;  // non-empty: every entry of the stream is refused
  uint64_t stream_entries_ = 0;
  Labels stream_labels_;      // sorted, with service_name
  std::string labels_text_;   // format_labels(stream_labels_), once needed
  ResourcePtr resource_;
  std::string severity_text_;
  int32_t severity_number_ = 0;
};

// Nanoseconds since the epoch of a google.protobuf.Timestamp, saturated at the int64 range.
UnixNanos timestamp_nanos(int64_t seconds, int32_t nanos);

}  // namespace weft::ingest::loki
