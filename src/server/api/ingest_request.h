// Steps every ingest endpoint takes with a request before its protocol's decoder: reading the
// body's Content-Encoding (bounded), and knowing what a refusal is counted as.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "server/http/http_types.h"
#include "server/ingest/ingest_metrics.h"

namespace weft::server::api {

// The request's body with its Content-Encoding undone (moved out of the request, never
// copied when not compressed). kTooLarge over max_bytes after inflating, kUnsupported for an
// unknown encoding, kInvalidArgument for a corrupt one (content_encoding.h).
Result<std::string> take_ingest_body(HttpRequest& request, uint64_t max_bytes);

// What a body that take_ingest_body() refused is counted as: too_large,
// unsupported_media_type or malformed.
RejectReason reject_reason_for_body(const Status& status);

// What a request the HTTP layer or the RouteGuard refused with `status` is counted as:
// too_large (413), unauthorized (401, 403) or malformed.
RejectReason reject_reason_for_status(http::status status);

// The Content-Length a request header declares, 0 when absent or not a number (the bytes
// counted for a request refused before its body was read).
uint64_t declared_body_bytes(const HttpRequestHeader& header);

}  // namespace weft::server::api
