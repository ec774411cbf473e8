// TcpConnection: a blocking TCP client that writes bytes to one endpoint (used by `weft loadgen`
// for the stream protocols: syslog and JSON lines over TCP). Connects on first use; after an
// error the next write connects again. Every step has its own timeout.
// Not thread-safe: one connection per thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::client {

struct TcpEndpoint {
  std::string host;
  std::string port;
};

// "tcp://host:port" or "host:port" ("[::1]:5514" for IPv6).
Result<TcpEndpoint> parse_tcp_endpoint(std::string_view text);

class TcpConnection {
 public:
  explicit TcpConnection(TcpEndpoint endpoint,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~TcpConnection();
  TcpConnection(const TcpConnection&) = delete;
  TcpConnection& operator=(const TcpConnection&) = delete;

  // Writes all of `bytes`. kIoError when it cannot connect or the write fails or times out.
  Status write(std::string_view bytes);
  // Ends the stream: shuts down the sending side and waits (up to the timeout) until the
  // server closes the connection, so everything written has been read by it.
  Status finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::client
