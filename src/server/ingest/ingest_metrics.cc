#include "server/ingest/ingest_metrics.h"

#include <string>

namespace weft::server {

std::string_view reject_reason_name(RejectReason reason) {
  switch (reason) {
    case RejectReason::kMalformed: return "malformed";
    case RejectReason::kPartial: return "partial";
    case RejectReason::kTooLarge: return "too_large";
    case RejectReason::kUnsupportedMediaType: return "unsupported_media_type";
    case RejectReason::kBackpressure: return "backpressure";
    case RejectReason::kUnavailable: return "unavailable";
    case RejectReason::kBadTenant: return "bad_tenant";
    case RejectReason::kUnimplemented: return "unimplemented";
    case RejectReason::kUnauthorized: return "unauthorized";
    case RejectReason::kInternal: return "internal";
  }
  return "internal";
}

IngestMetrics::IngestMetrics(std::string_view endpoint)
    : records_(MetricsRegistry::global().counter(
          "weft_ingest_records_total", "Records (log records or spans) accepted, by endpoint.",
          {{"endpoint", std::string(endpoint)}})),
      bytes_(MetricsRegistry::global().counter(
          "weft_ingest_bytes_total", "Request body bytes received (as sent, before inflating).",
          {{"endpoint", std::string(endpoint)}})) {
  auto& registry = MetricsRegistry::global();
  for (size_t i = 0; i < kRejectReasonCount; ++i) {
    MetricLabels labels{{"endpoint", std::string(endpoint)},
                        {"reason", std::string(reject_reason_name(static_cast<RejectReason>(i)))}};
    by_reason_[i].records = &registry.counter(
        "weft_ingest_rejected_records_total", "Records refused, by endpoint and reason.", labels);
    by_reason_[i].bytes = &registry.counter(
        "weft_ingest_rejected_bytes_total",
        "Body bytes of requests refused as a whole, by endpoint and reason.", labels);
    by_reason_[i].requests = &registry.counter(
        "weft_ingest_rejected_requests_total",
        "Ingest requests refused as a whole, by endpoint and reason.", labels);
  }
}

void IngestMetrics::rejected(RejectReason reason, uint64_t records, uint64_t bytes) {
  auto& counters = by_reason_[static_cast<size_t>(reason)];
  counters.records->add(records);
  counters.bytes->add(bytes);
  counters.requests->add();
}

void IngestMetrics::partially_rejected(uint64_t records) {
  by_reason_[static_cast<size_t>(RejectReason::kPartial)].records->add(records);
}

}  // namespace weft::server
