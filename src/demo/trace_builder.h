// TraceBuilder: records the spans and log records of one simulated trace, propagating W3C
// trace context and baggage the way instrumented services would.
//
// Every span of a builder shares its trace id; a child's parent_span_id is its parent's span
// id, and its flags say whether the parent was remote (in another instance, as after an HTTP
// hop: 0x301) or local (0x101), with the sampled bit set, as OTLP defines Span.flags. Server
// and consumer spans started under a remote parent record the `traceparent` they received.
// The baggage's user id goes on every span and log record as `user.id`. Log records carry the
// trace id and the id of the span they were written in.
//
// Spans and records are appended to the caller's batches; a SpanRef is an index into the span
// batch and stays valid while more spans are added. Not thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "demo/random.h"
#include "demo/topology.h"
#include "model/log_record.h"
#include "model/span.h"

namespace weft::demo {

using SpanRef = size_t;

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// The W3C `traceparent` header value: "00-<trace id>-<span id>-01" (sampled).
std::string traceparent(const TraceId& trace_id, const SpanId& span_id);

class TraceBuilder {
 public:
  // Starts a new trace with a fresh trace id drawn from `rng`.
  TraceBuilder(Random& rng, SpanBatch& spans, LogBatch& logs, std::string user_id);

  const TraceId& trace_id() const { return trace_id_; }

  // The root span of the trace (no parent), optionally linked to spans of other traces.
  SpanRef start_root(const Instance& instance, std::string name, SpanKind kind, UnixNanos start,
                     std::vector<SpanLink> links = {});
  // A child of `parent`, in `instance` (remote when that differs from the parent's instance).
  SpanRef start_child(SpanRef parent, const Instance& instance, std::string name, SpanKind kind,
                      UnixNanos start);

  Span& span(SpanRef ref) { return spans_.spans[ref]; }
  const Instance& instance_of(SpanRef ref) const { return *instances_[ref - first_]; }
  UnixNanos start_of(SpanRef ref) const { return spans_.spans[ref].start_time_unix_nano; }

  void set(SpanRef ref, std::string key, AnyValue value);
  void end(SpanRef ref, UnixNanos end);
  // Status ERROR with a message.
  void fail(SpanRef ref, std::string message);
  void event(SpanRef ref, UnixNanos time, std::string name, Attributes attributes = {});
  // An "exception" event with exception.type and exception.message.
  void exception(SpanRef ref, UnixNanos time, std::string type, std::string message);

  // A log record written by the instance of `ref` while in that span.
  void log(SpanRef ref, UnixNanos time, LogLevel level, std::string body,
           Attributes attributes = {});

  // A link to `ref` (for a span of another trace that it caused).
  SpanLink link_to(SpanRef ref, Attributes attributes = {});

 private:
  SpanRef add_span(const Instance& instance, std::string name, SpanKind kind, UnixNanos start);

  Random& rng_;
  SpanBatch& spans_;
  LogBatch& logs_;
  std::string user_id_;
  TraceId trace_id_;
  size_t first_;                            // index of this trace's first span in the batch
  std::vector<const Instance*> instances_;  // by SpanRef - first_
};

}  // namespace weft::demo
