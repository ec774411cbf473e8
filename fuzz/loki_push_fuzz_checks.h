// What every decoded Loki push must satisfy, whatever the input: shared by the protobuf and
// JSON fuzz targets. A broken invariant traps (libFuzzer records the input).
#pragma once

#include <algorithm>
#include <string_view>

#include "ingest/loki/push_builder.h"
#include "model/severity.h"

namespace weft::fuzzing {

// Limits small enough that random inputs hit every check.
inline ingest::loki::PushOptions fuzz_push_options() {
  ingest::loki::PushOptions o;
  o.now = 1'795'428'000'000'000'000;  // 2026-11-23T10:00:00Z
  o.limits.max_line_size = 64;
  o.limits.reject_old_samples_max_age_ns = 3600ll * 1'000'000'000;
  o.limits.creation_grace_period_ns = 600ll * 1'000'000'000;
  return o;
}

inline void check(bool ok) {
  if (!ok) __builtin_trap();
}

inline void check_record(const LogRecord& r, const ingest::loki::PushOptions& o) {
  check(r.resource != nullptr && r.scope != nullptr);
  size_t service_names = std::count_if(r.resource->attributes.begin(), r.resource->attributes.end(),
                                       [](const KeyValue& kv) { return kv.key == "service.name"; });
  check(service_names >= 1);
  check(r.time_unix_nano >= o.now - o.limits.reject_old_samples_max_age_ns);
  check(r.time_unix_nano <= o.now + o.limits.creation_grace_period_ns);
  check(r.observed_time_unix_nano == o.now);
  const std::string* body = r.body.as_string();
  check(body != nullptr && body->size() <= o.limits.max_line_size);
  check(r.severity_number == effective_severity(0, r.severity_text));
  for (const KeyValue& kv : r.attributes) check(kv.value.as_string() != nullptr);
}

inline void check_result(const ingest::loki::PushResult& result,
                         const ingest::loki::PushOptions& options) {
  for (const LogRecord& r : result.batch.records) check_record(r, options);
  check(result.errors.empty() == (result.errors.rejected_entries() == 0));
  check(result.errors.empty() == result.errors.message().empty());
}

}  // namespace weft::fuzzing
