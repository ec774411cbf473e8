// "host:port" listen addresses: parsing into TCP endpoints, and formatting endpoints back.
//
//   "127.0.0.1:3100"  "[::1]:3100"  "localhost:4318"  ":3100" (every IPv4 interface)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "common/status.h"

namespace weft::server {

// Resolves `host_port` into the endpoints to bind (a host name may give several).
// kInvalidArgument naming the address when it is malformed or does not resolve.
Result<std::vector<boost::asio::ip::tcp::endpoint>> resolve_listen_address(
    std::string_view host_port);

// "127.0.0.1:3100", "[::1]:3100".
std::string format_endpoint(const boost::asio::ip::tcp::endpoint& endpoint);

}  // namespace weft::server
