#include "ingest/loki/loki_push_request.h"

#include <cctype>

#include "common/gzip.h"
#include "common/snappy_block.h"
#include "ingest/loki/push_decode.h"

namespace weft::ingest::loki {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

Status too_large(uint64_t size_or_zero, uint64_t max_bytes) {
  std::string size = size_or_zero != 0 ? std::to_string(size_or_zero)
                                       : "over " + std::to_string(max_bytes);
  return Status::too_large("request body too large: " + size + " bytes, limit: " +
                           std::to_string(max_bytes) + " bytes");
}

// A failed inflate, as the answer to the client says it.
Status inflate_error(const Status& status, std::string_view encoding, uint64_t max_bytes) {
  if (status.code() == StatusCode::kTooLarge) return too_large(0, max_bytes);
  return Status::invalid(std::string(encoding) + ": " + status.message());
}

}  // namespace

PushEncoding push_encoding_for_content_type(std::string_view content_type) {
  std::string_view media = trim(content_type.substr(0, content_type.find(';')));
  return equals_ignore_case(media, "application/json") ? PushEncoding::kJson
                                                       : PushEncoding::kProtobuf;
}

Result<std::string> undo_content_encoding(std::string_view content_encoding, std::string body,
                                          uint64_t max_bytes) {
  std::string_view encoding = trim(content_encoding);
  if (encoding.empty() || equals_ignore_case(encoding, "identity") ||
      equals_ignore_case(encoding, "snappy"))
    return body;
  bool gzip = equals_ignore_case(encoding, "gzip") || equals_ignore_case(encoding, "x-gzip");
  if (!gzip && !equals_ignore_case(encoding, "deflate"))
    return Status::invalid("Content-Encoding \"" + std::string(encoding) + "\" not supported");
  Result<std::string> inflated =
      gzip ? gunzip_limited(body, max_bytes) : inflate_deflate_limited(body, max_bytes);
  if (!inflated) return inflate_error(inflated.status(), encoding, max_bytes);
  return inflated;
}

Result<PushResult> decode_push_body(PushEncoding encoding, std::string_view body,
                                    uint64_t max_bytes, const PushOptions& options) {
  PushBuilder builder(options);
  if (encoding == PushEncoding::kJson) {
    WEFT_RETURN_IF_ERROR(decode_push_json(body, builder));
    return std::move(builder).finish();
  }
  Result<std::string> proto = snappy_uncompress(body, max_bytes);
  if (!proto) {
    if (proto.status().code() != StatusCode::kTooLarge) return proto.status();
    return too_large(0, max_bytes);
  }
  WEFT_RETURN_IF_ERROR(decode_push_proto(*proto, builder));
  return std::move(builder).finish();
}

Result<PushResult> decode_push_request(std::string_view content_type,
                                       std::string_view content_encoding, std::string body,
                                       uint64_t max_bytes, const PushOptions& options) {
  Result<std::string> payload = undo_content_encoding(content_encoding, std::move(body), max_bytes);
  if (!payload) return payload.status();
  return decode_push_body(push_encoding_for_content_type(content_type), *payload, max_bytes,
                          options);
}

}  // namespace weft::ingest::loki
