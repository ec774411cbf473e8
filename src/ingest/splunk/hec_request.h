// Decoding of Splunk HTTP Event Collector request bodies into log records.
//
// Event endpoints (/services/collector, /services/collector/event[/1.0]): JSON event objects
// one after another, with or without whitespace between them:
//
//   {"time":"1795315856.151","host":"web-1","source":"checkout","sourcetype":"_json",
//    "index":"main","event":{"message":"paid","severity":"info"},"fields":{"region":"eu"}}
//
// Raw endpoint (/services/collector/raw[/1.0]): every non-blank line is one event, its text
// the body.
//
// Events are decoded in order. The first event that cannot be stored stops the request, as in
// Splunk: the events before it are kept (HecDecodeResult::batch) and the failure names it by
// its 0-based number. How fields map onto a record is in docs/ingest.md, "Splunk HEC".
//
// Pure: no I/O. Thread-safe (each call has its own state).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "ingest/splunk/hec_reply.h"
#include "model/log_record.h"

namespace weft::ingest::splunk {

// Metadata for events that do not carry their own: the host, source, sourcetype and index
// query parameters of the request.
struct HecMetadata {
  std::string_view host;
  std::string_view source;
  std::string_view sourcetype;
  std::string_view index;
};

struct HecFailure {
  HecCode code = HecCode::kInvalidDataFormat;
  size_t event_number = 0;  // 0-based; for kNoData, 0
  std::string detail;       // what was wrong, for weft's own log and tests
};

struct HecDecodeResult {
  LogBatch batch;                     // the events before the failure (all of them without one)
  std::optional<HecFailure> failure;  // the first event that cannot be stored, or no data
};

HecDecodeResult decode_hec_events(std::string_view body, const HecMetadata& metadata,
                                  UnixNanos observed_now);
HecDecodeResult decode_hec_raw(std::string_view body, const HecMetadata& metadata,
                               UnixNanos observed_now);

}  // namespace weft::ingest::splunk
