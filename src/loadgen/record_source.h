// RecordSource: an endless supply of log records or spans to send, from one of the data
// sources of `weft loadgen --source`:
//
//   synthetic  realistic service logs (~300 bytes each) and, for traces, the demo's simulated
//              shop (src/demo/simulation.h);
//   nezha      replays ../shared/data/nezha (Kubernetes microservice logs and spans);
//   apache     replays ../shared/data/apache-access (Apache combined log lines; logs only).
//
// Replayed data is scaled to any number of records by cycling over it; each cycle gets fresh
// trace and span ids (the same original id maps to the same fresh id within a cycle, so traces
// and their logs stay consistent), fresh timestamps (now, or spread over the last
// `time_spread`) and re-randomised digits in bodies (digit_scrambler.h).
// Not thread-safe: one source is read by one thread (the pre-encoding step).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "model/log_record.h"
#include "model/span.h"

namespace weft::loadgen {

enum class Signal { kLogs, kTraces };

struct SourceOptions {
  std::string kind = "synthetic";  // "synthetic", "nezha" or "apache"
  std::string data_dir;            // the shared data folder (resolve_shared_data_dir)
  uint64_t seed = 1;
  std::chrono::nanoseconds time_spread{0};  // 0: timestamps are "now"
  UnixNanos now = 0;                        // the "now" of the timestamps; 0: the clock's
};

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // Appends the next `count` log records to `out`. kUnsupported when the source has no logs.
  virtual Status next_logs(size_t count, LogBatch& out) = 0;
  // Appends the next `count` spans to `out`. kUnsupported when the source has no spans.
  virtual Status next_spans(size_t count, SpanBatch& out) = 0;
};

// The source `options.kind` names; kInvalidArgument for an unknown kind, kNotFound (with the
// path and a hint) when replay data is missing.
Result<std::unique_ptr<RecordSource>> make_record_source(const SourceOptions& options);

// The shared data folder: `flag` when not empty, else $WEFT_SHARED_DATA, else
// "../shared/data" (relative to the working directory).
std::string resolve_shared_data_dir(std::string_view flag);

// Constructors of the individual sources (synthetic_source.cc, nezha_source.cc,
// apache_source.cc).
std::unique_ptr<RecordSource> make_synthetic_source(const SourceOptions& options);
Result<std::unique_ptr<RecordSource>> make_nezha_source(const SourceOptions& options);
Result<std::unique_ptr<RecordSource>> make_apache_source(const SourceOptions& options);

}  // namespace weft::loadgen
