#include "demo/trace_builder.h"

#include <cstring>

namespace weft::demo {

namespace {

constexpr uint32_t kSampled = 0x01;
constexpr uint32_t kHasIsRemote = 0x100;  // SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK
constexpr uint32_t kIsRemote = 0x200;     // SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK

template <size_t N>
void fill_random(FixedId<N>& id, Random& rng) {
  do {
    for (size_t i = 0; i < N; i += 8) {
      uint64_t bits = rng.next();
      std::memcpy(id.bytes.data() + i, &bits, N - i < 8 ? N - i : 8);
    }
  } while (!id.present());
}

struct LevelInfo {
  int number;
  const char* text;
};

LevelInfo level_info(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return {5, "DEBUG"};
    case LogLevel::kInfo: return {9, "INFO"};
    case LogLevel::kWarn: return {13, "WARN"};
    case LogLevel::kError: return {17, "ERROR"};
  }
  return {9, "INFO"};
}

}  // namespace

std::string traceparent(const TraceId& trace_id, const SpanId& span_id) {
  return "00-" + trace_id.hex() + "-" + span_id.hex() + "-01";
}

TraceBuilder::TraceBuilder(Random& rng, SpanBatch& spans, LogBatch& logs, std::string user_id)
    : rng_(rng), spans_(spans), logs_(logs), user_id_(std::move(user_id)),
      first_(spans.spans.size()) {
  fill_random(trace_id_, rng_);
}

SpanRef TraceBuilder::add_span(const Instance& instance, std::string name, SpanKind kind,
                               UnixNanos start) {
  Span s;
  s.trace_id = trace_id_;
  fill_random(s.span_id, rng_);
  s.name = std::move(name);
  s.kind = kind;
  s.start_time_unix_nano = start;
  s.end_time_unix_nano = start;
  s.attributes.push_back({"user.id", user_id_});
  s.resource = instance.resource;
  s.scope = instance.scope;
  spans_.spans.push_back(std::move(s));
  instances_.push_back(&instance);
  return spans_.spans.size() - 1;
}

SpanRef TraceBuilder::start_root(const Instance& instance, std::string name, SpanKind kind,
                                 UnixNanos start, std::vector<SpanLink> links) {
  SpanRef ref = add_span(instance, std::move(name), kind, start);
  Span& s = span(ref);
  s.flags = kSampled | kHasIsRemote;
  s.links = std::move(links);
  return ref;
}

SpanRef TraceBuilder::start_child(SpanRef parent, const Instance& instance, std::string name,
                                  SpanKind kind, UnixNanos start) {
  bool remote = &instance_of(parent) != &instance;
  SpanId parent_id = span(parent).span_id;
  SpanRef ref = add_span(instance, std::move(name), kind, start);
  Span& s = span(ref);
  s.parent_span_id = parent_id;
  s.flags = kSampled | kHasIsRemote | (remote ? kIsRemote : 0);
  if (remote && (kind == SpanKind::kServer || kind == SpanKind::kConsumer)) {
    s.attributes.push_back({"http.request.header.traceparent",
                            std::vector<AnyValue>{traceparent(trace_id_, parent_id)}});
  }
  return ref;
}

void TraceBuilder::set(SpanRef ref, std::string key, AnyValue value) {
  span(ref).attributes.push_back({std::move(key), std::move(value)});
}

void TraceBuilder::end(SpanRef ref, UnixNanos end) { span(ref).end_time_unix_nano = end; }

void TraceBuilder::fail(SpanRef ref, std::string message) {
  Span& s = span(ref);
  s.status_code = SpanStatusCode::kError;
  s.status_message = std::move(message);
}

void TraceBuilder::event(SpanRef ref, UnixNanos time, std::string name, Attributes attributes) {
  span(ref).events.push_back({time, std::move(name), std::move(attributes), 0});
}

void TraceBuilder::exception(SpanRef ref, UnixNanos time, std::string type, std::string message) {
  event(ref, time, "exception",
        {{"exception.type", std::move(type)}, {"exception.message", std::move(message)}});
}

void TraceBuilder::log(SpanRef ref, UnixNanos time, LogLevel level, std::string body,
                       Attributes attributes) {
  const Instance& instance = instance_of(ref);
  LevelInfo info = level_info(level);
  LogRecord r;
  r.time_unix_nano = time;
  r.observed_time_unix_nano = time;
  r.severity_number = info.number;
  r.severity_text = info.text;
  r.body = std::move(body);
  r.attributes = std::move(attributes);
  r.attributes.push_back({"user.id", user_id_});
  r.flags = kSampled;
  r.trace_id = trace_id_;
  r.span_id = span(ref).span_id;
  r.resource = instance.resource;
  r.scope = instance.scope;
  logs_.records.push_back(std::move(r));
}

SpanLink TraceBuilder::link_to(SpanRef ref, Attributes attributes) {
  SpanLink link;
  link.trace_id = trace_id_;
  link.span_id = span(ref).span_id;
  link.attributes = std::move(attributes);
  link.flags = kSampled | kHasIsRemote | kIsRemote;
  return link;
}

}  // namespace weft::demo
