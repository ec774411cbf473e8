#include "ingest/splunk/hec_request.h"

#include <algorithm>

#include "ingest/json/json_object_stream.h"
#include "ingest/json/line_reader.h"
#include "ingest/json/resource_cache.h"
#include "ingest/splunk/hec_event.h"

namespace weft::ingest::splunk {

namespace {

constexpr size_t kMaxReservedEvents = 10'000;

HecDecodeResult failed(HecDecodeResult result, HecCode code, size_t event_number,
                       std::string detail) {
  result.failure = HecFailure{code, event_number, std::move(detail)};
  return result;
}

// One decode of an event body.
class EventsDecoder {
 public:
  EventsDecoder(std::string_view body, const HecMetadata& metadata, UnixNanos observed_now)
      : body_(body), objects_(body), context_{metadata, observed_now} {}

  HecDecodeResult run();

 private:
  // Decodes one event object into the batch; kSuccess or the code to stop with.
  HecCode event(std::string_view text, std::string* detail);

  std::string_view body_;
  JsonObjectStream objects_;
  HecEventContext context_;
  simdjson::dom::parser parser_;
  ResourceCache resources_;
  HecDecodeResult result_;
};

HecDecodeResult EventsDecoder::run() {
  if (objects_.at_end()) return failed(std::move(result_), HecCode::kNoData, 0, "empty body");
  // Events are rarely under 100 bytes: room for most batches without regrowth (capped).
  result_.batch.records.reserve(std::min<size_t>(body_.size() / 100 + 1, kMaxReservedEvents));
  std::string_view text;
  for (size_t number = 0;; ++number) {
    switch (objects_.next(&text)) {
      case JsonObjectStream::Next::kEnd: return std::move(result_);
      case JsonObjectStream::Next::kMalformed:
        return failed(std::move(result_), HecCode::kInvalidDataFormat, number,
                      "expected a JSON object");
      case JsonObjectStream::Next::kObject: break;
    }
    std::string detail;
    HecCode code = event(text, &detail);
    if (code != HecCode::kSuccess)
      return failed(std::move(result_), code, number, std::move(detail));
  }
}

HecCode EventsDecoder::event(std::string_view text, std::string* detail) {
  simdjson::dom::element value;
  // simdjson copies the event into the parser's own padded buffer, reused from event to event.
  if (auto err = parser_.parse(text.data(), text.size(), true).get(value);
      err != simdjson::SUCCESS) {
    *detail = std::string("malformed JSON: ") + simdjson::error_message(err);
    return HecCode::kInvalidDataFormat;
  }
  simdjson::dom::object object = value.get_object().value_unsafe();  // the stream saw '{'
  auto& records = result_.batch.records;
  HecCode code = decode_hec_event(object, context_, resources_, &records.emplace_back(), detail);
  if (code != HecCode::kSuccess) records.pop_back();
  return code;
}

}  // namespace

HecDecodeResult decode_hec_events(std::string_view body, const HecMetadata& metadata,
                                  UnixNanos observed_now) {
  return EventsDecoder(body, metadata, observed_now).run();
}

HecDecodeResult decode_hec_raw(std::string_view body, const HecMetadata& metadata,
                               UnixNanos observed_now) {
  HecDecodeResult result;
  ResourceValues values;
  values.set(ResourceKey::kHostName, metadata.host);
  values.set(ResourceKey::kSplunkSource, metadata.source);
  values.set(ResourceKey::kSplunkSourcetype, metadata.sourcetype);
  values.set(ResourceKey::kSplunkIndex, metadata.index);
  values.set(ResourceKey::kServiceName, metadata.source);
  ResourceCache resources;
  const ResourcePtr& resource = resources.resource(values);
  LineReader lines(body);
  std::string_view line;
  while (lines.next(&line)) {
    if (is_blank_line(line)) continue;
    LogRecord& record = result.batch.records.emplace_back();
    record.body = AnyValue(std::string(line));
    record.observed_time_unix_nano = observed_now;
    record.resource = resource;
    record.scope = unnamed_scope();
  }
  if (result.batch.records.empty()) return failed(std::move(result), HecCode::kNoData, 0, "empty body");
  return result;
}

}  // namespace weft::ingest::splunk
