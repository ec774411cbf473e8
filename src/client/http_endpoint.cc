#include "client/http_endpoint.h"

#include <charconv>
#include <cstdint>

namespace weft::client {

Result<HttpEndpoint> parse_http_endpoint(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  auto bad = [&](std::string why) {
    return Status::invalid("endpoint \"" + std::string(url) + "\": " + why);
  };
  if (url.substr(0, kScheme.size()) != kScheme) return bad("expected http://host:port");
  std::string_view rest = url.substr(kScheme.size());
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);

  HttpEndpoint e;
  e.base_path = std::string(path);
  e.port = "80";
  size_t colon = authority.rfind(':');
  size_t bracket = authority.rfind(']');
  bool has_port = colon != std::string_view::npos &&
                  (bracket == std::string_view::npos || colon > bracket);
  e.host = std::string(has_port ? authority.substr(0, colon) : authority);
  if (has_port) {
    e.port = std::string(authority.substr(colon + 1));
    unsigned port = 0;
    auto [end, ec] = std::from_chars(e.port.data(), e.port.data() + e.port.size(), port);
    if (ec != std::errc() || end != e.port.data() + e.port.size() || port == 0 || port > 65535)
      return bad("bad port");
  }
  if (e.host.size() >= 2 && e.host.front() == '[' && e.host.back() == ']')
    e.host = e.host.substr(1, e.host.size() - 2);
  if (e.host.empty()) return bad("missing host");
  return e;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || seconds < 0)
    return std::nullopt;
  return std::chrono::seconds(seconds);
}

}  // namespace weft::client
