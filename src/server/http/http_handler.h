// HttpHandler: what an HttpServer hands requests to (in weft, the Router).
#pragma once

#include <memory>
#include <string_view>

#include "server/http/http_types.h"
#include "server/http/websocket_channel.h"

namespace weft::server {

class HttpHandler {
 public:
  virtual ~HttpHandler() = default;

  // Handles one complete request. Called on an io thread; must not block for long (send slow
  // work elsewhere and answer through `respond` later). Thread-safe: called concurrently.
  virtual void handle(HttpRequest request, Responder respond) = 0;

  // The answer to a request rejected before it was complete: body over the limit (413),
  // header too large (431), malformed HTTP (400). `header` holds what was parsed, possibly
  // nothing. The connection is closed after this answer. Thread-safe.
  virtual HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                                 std::string_view message) = 0;

  // Whether a WebSocket route serves this request (a GET with "Upgrade: websocket").
  virtual bool accepts_websocket(HttpRequest& request) const { return false; }
  // A WebSocket connection accepted for `request`. Called on an io thread; must not block.
  virtual void handle_websocket(HttpRequest request, std::shared_ptr<WebSocketChannel> channel) {}
};

}  // namespace weft::server
