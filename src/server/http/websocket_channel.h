// WebSocketChannel: one accepted WebSocket connection as a handler sees it (GET
// /loki/api/v1/tail). The handler sends text messages and learns when the client goes away;
// messages from the client are read and ignored (pings and closes are answered).
//
// Thread safety: every method may be called from any thread; sends go out in order.
#pragma once

#include <functional>
#include <string>

#include <boost/asio/any_io_executor.hpp>

namespace weft::server {

class WebSocketChannel {
 public:
  virtual ~WebSocketChannel() = default;

  // Queues a text message.
  virtual void send(std::string text) = 0;
  // Closes with a normal close frame carrying `reason` (may be empty).
  virtual void close(std::string reason) = 0;
  // Runs `fn` once when the connection has ended (closed by either side or by the server
  // stopping); at once if it already has.
  virtual void on_closed(std::function<void()> fn) = 0;
  // The executor the connection runs on (for timers of the handler).
  virtual boost::asio::any_io_executor executor() = 0;
};

}  // namespace weft::server
