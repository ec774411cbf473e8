#include "server/api/content_encoding.h"

#include <boost/beast/core/string.hpp>

#include "common/gzip.h"

namespace weft::server::api {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string> decode_content_encoding(std::string_view encoding, std::string body,
                                            uint64_t max_bytes) {
  encoding = trim(encoding);
  if (encoding.empty() || boost::beast::iequals(encoding, "identity")) return body;
  if (!boost::beast::iequals(encoding, "gzip") && !boost::beast::iequals(encoding, "x-gzip"))
    return Status::unsupported("unsupported Content-Encoding \"" + std::string(encoding) +
                               "\"; expected gzip or identity");
  auto inflated = gunzip_limited(body, max_bytes);
  if (inflated) return std::move(*inflated);
  if (inflated.status().code() == StatusCode::kTooLarge)
    return Status::too_large("gzip body inflates to over " + std::to_string(max_bytes) + " bytes");
  return Status::invalid("corrupt gzip body: " + inflated.status().message());
}

}  // namespace weft::server::api
