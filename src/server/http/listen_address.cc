#include "server/http/listen_address.h"

#include <charconv>

#include <boost/asio/io_context.hpp>

namespace weft::server {

namespace {

using boost::asio::ip::tcp;

struct HostPort {
  std::string host;
  uint16_t port = 0;
};

Result<HostPort> split_host_port(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos)
    return Status::invalid("listen address \"" + std::string(text) + "\": expected host:port");
  std::string_view host = text.substr(0, colon);
  std::string_view port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535)
    return Status::invalid("listen address \"" + std::string(text) + "\": bad port");
  return HostPort{host.empty() ? "0.0.0.0" : std::string(host), static_cast<uint16_t>(value)};
}

}  // namespace

Result<std::vector<tcp::endpoint>> resolve_listen_address(std::string_view host_port) {
  auto parts = split_host_port(host_port);
  if (!parts) return parts.status();
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(parts->host, ec);
  if (!ec) return std::vector<tcp::endpoint>{tcp::endpoint(address, parts->port)};

  boost::asio::io_context io;
  tcp::resolver resolver(io);
  auto results = resolver.resolve(parts->host, std::to_string(parts->port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty())
    return Status::invalid("listen address \"" + std::string(host_port) +
                           "\": cannot resolve host: " + ec.message());
  std::vector<tcp::endpoint> endpoints;
  for (const auto& entry : results) endpoints.push_back(entry.endpoint());
  return endpoints;
}

std::string format_endpoint(const tcp::endpoint& endpoint) {
  std::string host = endpoint.address().to_string();
  if (endpoint.address().is_v6()) host = "[" + host + "]";
  return host + ":" + std::to_string(endpoint.port());
}

}  // namespace weft::server
