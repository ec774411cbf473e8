// IngestMetrics: the ingest counters of one door (an endpoint such as "/v1/logs", or a listener):
//   weft_ingest_records_total{endpoint}                    records accepted (durable)
//   weft_ingest_bytes_total{endpoint}                      body bytes received, as on the wire
//   weft_ingest_rejected_records_total{endpoint,reason}    records refused
//   weft_ingest_rejected_bytes_total{endpoint,reason}      body bytes of refused requests
//   weft_ingest_rejected_requests_total{endpoint,reason}   requests refused (records may be
//                                                          unknown, e.g. for a malformed body)
// A partially accepted request counts its rejected records under "partial" and its bytes
// nowhere as rejected.
//
// Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "common/metrics.h"

namespace weft::server {

enum class RejectReason {
  kMalformed,
  kPartial,
  kTooLarge,
  kUnsupportedMediaType,
  kBackpressure,
  kUnavailable,
  kBadTenant,
  kUnimplemented,  // a method or signal weft does not serve (OTLP/gRPC metrics)
  kUnauthorized,
  kInternal,
};
inline constexpr size_t kRejectReasonCount = 9;

// "malformed", "partial", "too_large", ...
std::string_view reject_reason_name(RejectReason reason);

class IngestMetrics {
 public:
  explicit IngestMetrics(std::string_view endpoint);

  void received(uint64_t bytes) { bytes_.add(bytes); }
  void accepted(uint64_t records) { records_.add(records); }
  // A whole request refused: its records (0 when unknown) and its bytes.
  void rejected(RejectReason reason, uint64_t records, uint64_t bytes);
  // Records dropped from an otherwise accepted request.
  void partially_rejected(uint64_t records);

 private:
  struct ReasonCounters {
    Counter* records;
    Counter* bytes;
    Counter* requests;
  };

  Counter& records_;
  Counter& bytes_;
  std::array<ReasonCounters, kRejectReasonCount> by_reason_;
};

}  // namespace weft::server
