// LogSource: how the LogQL engine reads stored log records - the one seam between the engine
// and storage (implemented over the store's memtables and parts in store_view_log_source.h).
//
// A scan names a tenant, a time range, the stream matchers and line hints; the source calls
// the visitor with every candidate row. Candidates are rows of matching streams in the range;
// a source may also drop rows that cannot contain every `line_contains` string (blooms,
// substring search) but need not. Rows come in no promised order (the engine keeps bounded
// top-k heaps); a source that reads in time order may use the moving bounds the visitor
// publishes (ScanRequest::floor / ceiling) to stop early.
//
// Thread safety: implementations are safe to scan from many threads at once. A LogRow and its
// Stream are valid only during the visit call.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "query/logql/labels.h"
#include "query/logql/label_matcher.h"
#include "query/logql/query_control.h"

namespace weft::logql {

// A stream: its labels, shared by all its rows.
struct Stream {
  LabelSet labels;
  uint64_t hash = 0;
};

// One stored record as the engine sees it.
class LogRow {
 public:
  virtual ~LogRow() = default;
  UnixNanos time = 0;
  std::string_view line;
  const Stream* stream = nullptr;
  // Appends the row's structured metadata (unsorted; names unique).
  virtual void structured_metadata(std::vector<Label>& out) const = 0;
};

// What a scan read: rows of the selected streams in the time range, and their line bytes
// (whether or not they reached the visitor).
struct ScanStats {
  uint64_t rows = 0;
  uint64_t bytes = 0;
};

struct ScanRequest {
  std::string tenant;
  UnixNanos start = 0;          // inclusive
  UnixNanos end = INT64_MAX;    // exclusive
  std::vector<LabelMatcher> matchers;     // on stream labels, all must match
  std::vector<std::string> line_contains; // every wanted line contains each (case-sensitive)
  // Moving bounds the visitor raises/lowers as its top-k fills: rows older than *floor (or
  // newer than *ceiling) will be ignored, so a source may skip them. Null when unused.
  const UnixNanos* floor = nullptr;
  const UnixNanos* ceiling = nullptr;
  ScanStats* stats = nullptr;  // filled when not null
};

class LogSource {
 public:
  virtual ~LogSource() = default;

  // Calls `visit` for candidate rows until it returns false. Stops with control's error
  // (timeout, cancellation) when control.check() fails.
  virtual Status scan(const ScanRequest& request, QueryControl& control,
                      const std::function<bool(const LogRow&)>& visit) const = 0;

  // Calls `visit` once per distinct stream of the tenant having records in [start, end) and
  // matching `matchers`, with its label set and the number and bytes of its records there.
  struct StreamStats {
    uint64_t entries = 0;
    uint64_t bytes = 0;
  };
  virtual Status streams(const std::string& tenant, UnixNanos start, UnixNanos end,
                         const std::vector<LabelMatcher>& matchers, QueryControl& control,
                         const std::function<void(const Stream&, const StreamStats&)>& visit) const = 0;
};

}  // namespace weft::logql
