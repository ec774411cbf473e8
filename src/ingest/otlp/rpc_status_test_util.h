// Test helper: reads a serialized google.rpc.Status (the grpc-status-details-bin of OTLP/gRPC
// refusals) back into its code, message, and the retry delay of a google.rpc.RetryInfo detail.
// Header-only; tests only.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otlp/otlp_fields.h"
#include "otlp/proto_reader.h"

namespace weft::ingest::testing {

struct ParsedRpcStatus {
  bool ok = false;  // the bytes parsed
  int code = 0;
  std::string message;
  std::vector<std::string> detail_types;  // type_url of each Any
  std::optional<std::chrono::nanoseconds> retry_delay;
};

inline std::chrono::nanoseconds parse_duration_message(std::string_view bytes, bool* ok) {
  otlp::ProtoReader r(bytes);
  otlp::WireField f;
  int64_t seconds = 0, nanos = 0;
  while (r.next(&f)) {
    if (f.number == otlp::field::kDurationSeconds) seconds = static_cast<int64_t>(f.scalar);
    if (f.number == otlp::field::kDurationNanos) nanos = static_cast<int32_t>(f.scalar);
  }
  if (r.failed()) *ok = false;
  return std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanos);
}

inline void parse_any(std::string_view bytes, ParsedRpcStatus* out) {
  otlp::ProtoReader r(bytes);
  otlp::WireField f;
  std::string type;
  std::string_view value;
  while (r.next(&f)) {
    if (f.number == otlp::field::kAnyTypeUrl) type = std::string(f.bytes);
    if (f.number == otlp::field::kAnyValue) value = f.bytes;
  }
  if (r.failed()) out->ok = false;
  out->detail_types.push_back(type);
  if (type != "type.googleapis.com/google.rpc.RetryInfo") return;
  otlp::ProtoReader info(value);
  while (info.next(&f))
    if (f.number == otlp::field::kRetryInfoRetryDelay)
      out->retry_delay = parse_duration_message(f.bytes, &out->ok);
  if (info.failed()) out->ok = false;
}

inline ParsedRpcStatus parse_rpc_status(std::string_view bytes) {
  ParsedRpcStatus out;
  out.ok = true;
  otlp::ProtoReader r(bytes);
  otlp::WireField f;
  while (r.next(&f)) {
    if (f.number == otlp::field::kRpcStatusCode) out.code = static_cast<int32_t>(f.scalar);
    if (f.number == otlp::field::kRpcStatusMessage) out.message = std::string(f.bytes);
    if (f.number == otlp::field::kRpcStatusDetails) parse_any(f.bytes, &out);
  }
  if (r.failed()) out.ok = false;
  return out;
}

}  // namespace weft::ingest::testing
