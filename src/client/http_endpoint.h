// HttpEndpoint: where an outbound HTTP client sends its requests, parsed from an http:// URL,
// and the parsing of a response's Retry-After header.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::client {

struct HttpEndpoint {
  std::string host;
  std::string port;       // "4318"
  std::string base_path;  // "" or "/otlp" (no trailing slash): prefixed to request paths
};

// Parses "http://host[:port][/path]" (port 80 when absent; "[::1]:4318" for IPv6).
Result<HttpEndpoint> parse_http_endpoint(std::string_view url);

// The seconds of a Retry-After header in its delta-seconds form; nullopt for anything else
// (including the HTTP-date form, which a sender then treats as absent).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value);

}  // namespace weft::client
