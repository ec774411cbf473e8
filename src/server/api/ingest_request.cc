#include "server/api/ingest_request.h"

#include <charconv>

#include "server/api/content_encoding.h"

namespace weft::server::api {

Result<std::string> take_ingest_body(HttpRequest& request, uint64_t max_bytes) {
  return decode_content_encoding(request[http::field::content_encoding],
                                 std::move(request.body()), max_bytes);
}

RejectReason reject_reason_for_body(const Status& status) {
  switch (status.code()) {
    case StatusCode::kTooLarge: return RejectReason::kTooLarge;
    case StatusCode::kUnsupported: return RejectReason::kUnsupportedMediaType;
    default: return RejectReason::kMalformed;
  }
}

RejectReason reject_reason_for_status(http::status status) {
  if (status == http::status::payload_too_large) return RejectReason::kTooLarge;
  if (status == http::status::unauthorized || status == http::status::forbidden)
    return RejectReason::kUnauthorized;
  return RejectReason::kMalformed;
}

uint64_t declared_body_bytes(const HttpRequestHeader& header) {
  std::string_view length = header[http::field::content_length];
  uint64_t bytes = 0;
  auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), bytes);
  return ec == std::errc() && end == length.data() + length.size() ? bytes : 0;
}

}  // namespace weft::server::api
