// DeleteRequest: one accepted delete by query (docs/operations.md, "Delete by query"): every
// record of `tenant` and `signal` whose time (a log record's effective time, a span's start)
// lies in [start, end] and whose resource (and line) the selector selects.
//
// Lifecycle: received (durable in DELETES, filtered out of every query from then on) ->
// processed (every part that held a matching record when processing began has been rewritten
// without it). A request keeps filtering after it is processed: records that arrive later in
// its range and match it stay invisible, and merges drop them.
//
// Thread safety: a plain value; const methods are safe from any thread.
#pragma once

#include <cstdint>
#include <string>

#include "common/time.h"
#include "model/log_record.h"
#include "model/span.h"
#include "storage/deletes/label_selector.h"
#include "storage/part/part_format.h"

namespace weft::storage {

enum class DeleteStatus { kReceived, kProcessed };

std::string_view delete_status_name(DeleteStatus s);  // "received", "processed"

struct DeleteRequest {
  uint64_t id = 0;
  std::string tenant;
  part_format::Signal signal = part_format::Signal::kLogs;
  UnixNanos start = 0;  // inclusive
  UnixNanos end = 0;    // inclusive
  std::string query;    // the selector as given
  LabelSelector selector;
  UnixNanos created_at = 0;
  DeleteStatus status = DeleteStatus::kReceived;
  UnixNanos processed_at = 0;
  uint64_t rows_deleted = 0;  // rows removed from parts so far

  bool covers(const LogRecord& r) const { return in_range(r) && selector.matches_labels(r.resource.get()) && covers_line(r); }
  bool covers(const Span& s) const { return in_range(s) && selector.matches_labels(s.resource.get()) && covers_line(s); }
  // The parts of covers(): time range, line filter (the label matchers are the selector's).
  bool in_range(const LogRecord& r) const { return r.effective_time() >= start && r.effective_time() <= end; }
  bool in_range(const Span& s) const { return s.start_time_unix_nano >= start && s.start_time_unix_nano <= end; }
  bool covers_line(const LogRecord& r) const;
  bool covers_line(const Span& s) const { return selector.matches_line(s.name); }
  // Whether a part of this tenant and signal with rows in [min_time, max_time] may hold one.
  bool may_cover(std::string_view tenant, part_format::Signal signal, UnixNanos min_time,
                 UnixNanos max_time) const;
};

// What a client asks for; validated by make_delete_request.
struct DeleteRequestSpec {
  std::string tenant;
  part_format::Signal signal = part_format::Signal::kLogs;
  UnixNanos start = 0;
  UnixNanos end = 0;
  std::string query;
};

// kInvalidArgument for a bad selector, an empty tenant or end before start.
Result<DeleteRequest> make_delete_request(const DeleteRequestSpec& spec, uint64_t id,
                                          UnixNanos created_at);

}  // namespace weft::storage
