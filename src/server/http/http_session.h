// HttpSession: one accepted HTTP/1.1 connection.
//
// Reads a request (Content-Length or chunked body, up to the body limit; answers
// "Expect: 100-continue"), hands it to the HttpHandler, writes the answer when the Responder
// is called, and reads the next request when the connection is kept alive. Requests on one
// connection are served one at a time, in order.
//
// Lifecycle: reading -> handling -> writing -> reading ... -> closed (or, after a rejection,
// writing -> lingering -> closed). A parse failure
// (body over the limit, header too large, malformed HTTP) is answered through
// HttpHandler::rejection and closes the connection after draining what the client still
// sends. request_close() (graceful stop) closes an idle connection at once and a busy one
// after its current response, which then carries "Connection: close". While a request is
// being handled the session watches the socket: when the client closes it before the answer,
// the request's Responder is abandoned (a long query stops).
//
// A GET with "Upgrade: websocket" for a WebSocket route turns the session into that
// WebSocket connection (state kWebSocket) for the rest of its life: the session is then the
// WebSocketChannel the handler holds, and a graceful stop closes it with a close frame.
//
// Over TLS (an HttpsSession), the session first completes the TLS handshake (within
// io_timeout; a failed one closes the connection), then serves HTTP the same way.
//
// Thread safety: all state lives on the session's strand; request_close() and force_close()
// may be called from any thread. The session keeps itself alive through its pending
// operations and outstanding Responders.
#pragma once

#include <memory>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "server/http/http_handler.h"
#include "server/http/http_server_options.h"
#include "server/http/session_registry.h"

namespace weft::server {

// What every session of one server shares; outlives the sessions.
struct SessionContext {
  const HttpServerOptions& options;
  HttpHandler& handler;
  SessionRegistry& registry;
};

// What the SessionRegistry knows of a session, plain or TLS; after a WebSocket upgrade, also
// the channel the WebSocket handler writes to.
class HttpSession : public std::enable_shared_from_this<HttpSession>, public WebSocketChannel {
 public:
  virtual ~HttpSession() = default;
  // Closes when idle: at once if waiting for a request, else after the current response.
  virtual void request_close() = 0;
  // Closes the connection now.
  virtual void force_close() = 0;
};

// A session over `Stream`: beast::tcp_stream (plain) or beast::ssl_stream of one (TLS).
template <class Stream>
class BasicHttpSession final : public HttpSession {
 public:
  // `socket` must use a strand executor. `tls` is the TLS context (ssl_stream only).
  BasicHttpSession(boost::asio::ip::tcp::socket socket, SessionContext& context,
                   boost::asio::ssl::context* tls = nullptr);
  ~BasicHttpSession() override;
  BasicHttpSession(const BasicHttpSession&) = delete;
  BasicHttpSession& operator=(const BasicHttpSession&) = delete;

  // Registers the session and starts (the handshake, then) reading. Call once, right after
  // construction.
  void start();
  void request_close() override;
  void force_close() override;

  // WebSocketChannel (after an upgrade).
  void send(std::string text) override;
  void close(std::string reason) override;
  void on_closed(std::function<void()> fn) override;
  boost::asio::any_io_executor executor() override { return stream_.get_executor(); }

 private:
  std::shared_ptr<BasicHttpSession> self() {
    return std::static_pointer_cast<BasicHttpSession>(shared_from_this());
  }
  auto& lowest() { return boost::beast::get_lowest_layer(stream_); }
  void handshake();
  enum class State { kReading, kHandling, kWriting, kLingering, kWebSocket, kClosed };
  using Parser = http::request_parser<http::string_body>;

  void read_request();
  void on_header(boost::beast::error_code ec);
  void send_continue();
  void read_body();
  void on_body(boost::beast::error_code ec);
  void dispatch();
  void on_read_error(boost::beast::error_code ec);
  void reject(http::status status, std::string_view message);
  void write(HttpResponse response, bool reject);
  void on_write(boost::beast::error_code ec, bool keep_alive, bool reject);
  void linger();
  void on_linger(boost::beast::error_code ec, size_t bytes);
  void begin_request();
  void finish_request();
  void close();
  Responder make_responder();
  void upgrade(HttpRequest request);
  void ws_read();
  void ws_write_next();
  void ws_ended();
  void watch_for_close(const Responder& respond);

  SessionContext& context_;
  Stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  std::unique_ptr<HttpResponse> response_;  // the response being written
  std::unique_ptr<char[]> drain_;           // scratch buffer for linger()
  uint64_t drained_ = 0;
  State state_ = State::kReading;
  bool closing_ = false;     // close after the current exchange (graceful stop)
  bool in_flight_ = false;   // counted in SessionRegistry::in_flight()
  bool keep_alive_ = true;   // of the request being served
  bool head_request_ = false;  // the request being served is a HEAD: answer without a body
  unsigned version_ = 11;    // of the request being served

  // WebSocket mode (state kWebSocket); all on the strand but the callbacks' mutex.
  std::unique_ptr<boost::beast::websocket::stream<Stream&>> ws_;
  boost::beast::flat_buffer ws_in_;
  std::deque<std::string> ws_out_;
  bool ws_writing_ = false;
  bool ws_closing_ = false;
  std::mutex closed_mu_;
  bool ws_done_ = false;                                // guarded by closed_mu_
  std::vector<std::function<void()>> closed_callbacks_;  // guarded by closed_mu_
};

using PlainHttpSession = BasicHttpSession<boost::beast::tcp_stream>;
using HttpsSession = BasicHttpSession<boost::beast::ssl_stream<boost::beast::tcp_stream>>;

}  // namespace weft::server
