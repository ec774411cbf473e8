#include "server/http/http_session.h"

#include <algorithm>
#include <string>
#include <type_traits>

#include <sys/socket.h>

#include <cerrno>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "common/log.h"

namespace weft::server {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

constexpr size_t kDrainChunk = 64 << 10;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// An HTTP syntax error, as opposed to the connection ending or timing out.
bool is_protocol_error(const beast::error_code& ec) {
  if (ec.category() != http::make_error_code(http::error::bad_target).category()) return false;
  return ec != http::error::end_of_stream && ec != http::error::partial_message;
}

}  // namespace

namespace {
constexpr size_t kReadBufferBytes = 64 * 1024;

template <class Stream>
Stream make_stream(tcp::socket socket, net::ssl::context* tls) {
  if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
    return Stream(std::move(socket));
  } else {
    return Stream(beast::tcp_stream(std::move(socket)), *tls);
  }
}
}  // namespace

template <class Stream>
BasicHttpSession<Stream>::BasicHttpSession(tcp::socket socket, SessionContext& context,
                                           net::ssl::context* tls)
    : context_(context), stream_(make_stream<Stream>(std::move(socket), tls)) {
  // Beast sizes each read by the buffer's free capacity (at least 512 bytes): without room,
  // a 300 KB body takes ~600 reads. 64 KiB reads take a handful.
  buffer_.reserve(kReadBufferBytes);
}

template <class Stream>
BasicHttpSession<Stream>::~BasicHttpSession() {
  ws_ended();
  finish_request();
  context_.registry.remove(this);
}

template <class Stream>
void BasicHttpSession<Stream>::start() {
  if (context_.registry.add(self())) closing_ = true;
  beast::error_code ec;
  lowest().socket().set_option(tcp::no_delay(true), ec);
  net::dispatch(stream_.get_executor(), [self = self()] { self->handshake(); });
}

template <class Stream>
void BasicHttpSession<Stream>::handshake() {
  if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
    read_request();
  } else {
    lowest().expires_after(context_.options.io_timeout);
    stream_.async_handshake(net::ssl::stream_base::server,
                            [self = self()](beast::error_code ec) {
                              if (ec) return self->close();
                              self->read_request();
                            });
  }
}

template <class Stream>
void BasicHttpSession<Stream>::request_close() {
  net::post(stream_.get_executor(), [self = self()] {
    self->closing_ = true;
    if (self->state_ == State::kWebSocket) return self->close("server stopping");
    bool idle = self->state_ == State::kReading &&
                (!self->parser_ || !self->parser_->got_some()) && self->buffer_.size() == 0;
    if (idle || self->state_ == State::kLingering) self->close();
  });
}

template <class Stream>
void BasicHttpSession<Stream>::force_close() {
  net::post(stream_.get_executor(), [self = self()] { self->close(); });
}

template <class Stream>
void BasicHttpSession<Stream>::read_request() {
  if (closing_ || state_ == State::kClosed) return close();
  state_ = State::kReading;
  parser_.emplace();
  parser_->body_limit(context_.options.max_body_bytes);
  parser_->header_limit(context_.options.max_header_bytes);
  lowest().expires_after(context_.options.idle_timeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          [self = self()](beast::error_code ec, size_t) {
                            self->on_header(ec);
                          });
}

template <class Stream>
void BasicHttpSession<Stream>::on_header(beast::error_code ec) {
  if (ec) return on_read_error(ec);
  if (parser_->is_done()) return dispatch();
  if (beast::iequals(parser_->get()[http::field::expect], "100-continue")) return send_continue();
  read_body();
}

template <class Stream>
void BasicHttpSession<Stream>::send_continue() {
  lowest().expires_after(context_.options.io_timeout);
  net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                   [self = self()](beast::error_code ec, size_t) {
                     if (ec) return self->close();
                     self->read_body();
                   });
}

template <class Stream>
void BasicHttpSession<Stream>::read_body() {
  lowest().expires_after(context_.options.io_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = self()](beast::error_code ec, size_t) {
                     self->on_body(ec);
                   });
}

template <class Stream>
void BasicHttpSession<Stream>::on_body(beast::error_code ec) {
  if (ec) return on_read_error(ec);
  dispatch();
}

template <class Stream>
void BasicHttpSession<Stream>::dispatch() {
  lowest().expires_never();
  state_ = State::kHandling;
  begin_request();
  HttpRequest request = parser_->release();
  if (boost::beast::websocket::is_upgrade(request) && context_.handler.accepts_websocket(request))
    return upgrade(std::move(request));
  keep_alive_ = request.keep_alive();
  head_request_ = request.method() == http::verb::head;
  version_ = request.version();
  Responder respond = make_responder();
  try {
    context_.handler.handle(std::move(request), respond);
  } catch (const std::exception& e) {
    log::error("request handler failed", {{"error", e.what()}});
    respond(make_response(http::status::internal_server_error, "application/json",
                          R"({"error":"internal error"})"));
  }
  if (!respond.sent()) watch_for_close(respond);
}

template <class Stream>
void BasicHttpSession<Stream>::watch_for_close(const Responder& respond) {
  // Holds no Responder copy: a handler that drops its Responder still gets the 500 sent.
  lowest().socket().async_wait(
      tcp::socket::wait_read,
      net::bind_executor(stream_.get_executor(),
                         [self = self(), abandon = respond.abandoner()](beast::error_code ec) {
                           if (ec || self->state_ != State::kHandling) return;
                           char byte;
                           ssize_t n = ::recv(self->lowest().socket().native_handle(), &byte, 1,
                                              MSG_PEEK | MSG_DONTWAIT);
                           // 0: the client closed its side; data: a pipelined request (stop watching).
                           if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) abandon();
                         }));
}

template <class Stream>
Responder BasicHttpSession<Stream>::make_responder() {
  return Responder([self = self()](HttpResponse response) {
    net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
      self->write(std::move(response), false);
    });
  });
}

template <class Stream>
void BasicHttpSession<Stream>::on_read_error(beast::error_code ec) {
  if (state_ == State::kClosed) return;
  const auto& options = context_.options;
  if (ec == http::error::body_limit)
    return reject(http::status::payload_too_large,
                  "request body over " + std::to_string(options.max_body_bytes) + " bytes");
  if (ec == http::error::header_limit)
    return reject(http::status::request_header_fields_too_large,
                  "request header over " + std::to_string(options.max_header_bytes) + " bytes");
  if (is_protocol_error(ec) && parser_->got_some())
    return reject(http::status::bad_request, "malformed HTTP request: " + ec.message());
  close();
}

template <class Stream>
void BasicHttpSession<Stream>::reject(http::status status, std::string_view message) {
  state_ = State::kHandling;
  begin_request();
  keep_alive_ = false;
  head_request_ = false;
  version_ = 11;
  try {
    write(context_.handler.rejection(parser_->get(), status, message), true);
  } catch (const std::exception& e) {
    log::error("building a rejection failed", {{"error", e.what()}});
    close();
  }
}

template <class Stream>
void BasicHttpSession<Stream>::write(HttpResponse response, bool reject) {
  if (state_ == State::kClosed) return;
  state_ = State::kWriting;
  bool keep_alive = keep_alive_ && !closing_ && !reject;
  response.version(version_);
  response.keep_alive(keep_alive);
  response.prepare_payload();
  if (head_request_) response.body().clear();  // Content-Length still says what GET would send
  // Beast writes "Content-Length: 0" even where HTTP forbids the field (RFC 9110 8.6: a 1xx
  // or 204 answer, as Loki's push gives).
  if (response.result() == http::status::no_content ||
      http::to_status_class(response.result()) == http::status_class::informational)
    response.erase(http::field::content_length);
  response_ = std::make_unique<HttpResponse>(std::move(response));
  lowest().expires_after(context_.options.io_timeout);
  http::async_write(stream_, *response_,
                    [self = self(), keep_alive, reject](beast::error_code ec, size_t) {
                      self->on_write(ec, keep_alive, reject);
                    });
}

template <class Stream>
void BasicHttpSession<Stream>::on_write(beast::error_code ec, bool keep_alive, bool reject) {
  response_.reset();
  finish_request();
  if (ec) return close();
  if (reject) return linger();
  if (!keep_alive) return close();
  read_request();
}

template <class Stream>
void BasicHttpSession<Stream>::linger() {
  if (closing_) return close();
  state_ = State::kLingering;
  beast::error_code ec;
  lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
  buffer_.clear();
  drain_ = std::make_unique<char[]>(kDrainChunk);
  drained_ = 0;
  lowest().expires_after(context_.options.linger_timeout);
  on_linger({}, 0);
}

template <class Stream>
void BasicHttpSession<Stream>::on_linger(beast::error_code ec, size_t bytes) {
  drained_ += bytes;
  uint64_t limit = std::max<uint64_t>(context_.options.max_body_bytes, 16u << 20);
  if (ec || closing_ || drained_ > limit) return close();
  stream_.async_read_some(net::buffer(drain_.get(), kDrainChunk),
                          [self = self()](beast::error_code e, size_t n) {
                            self->on_linger(e, n);
                          });
}

template <class Stream>
void BasicHttpSession<Stream>::begin_request() {
  if (in_flight_) return;
  in_flight_ = true;
  context_.registry.request_started();
}

template <class Stream>
void BasicHttpSession<Stream>::finish_request() {
  if (!in_flight_) return;
  in_flight_ = false;
  context_.registry.request_finished();
}

template <class Stream>
void BasicHttpSession<Stream>::upgrade(HttpRequest request) {
  finish_request();  // a WebSocket is not a request in flight: a stop closes it
  state_ = State::kWebSocket;
  ws_ = std::make_unique<boost::beast::websocket::stream<Stream&>>(stream_);
  ws_->set_option(boost::beast::websocket::stream_base::timeout::suggested(beast::role_type::server));
  auto shared = std::make_shared<HttpRequest>(std::move(request));
  ws_->async_accept(*shared, [self = self(), shared](beast::error_code ec) {
    if (ec) return self->close();
    self->context_.handler.handle_websocket(std::move(*shared), self);
    self->ws_read();
  });
}

template <class Stream>
void BasicHttpSession<Stream>::ws_read() {
  ws_->async_read(ws_in_, [self = self()](beast::error_code ec, size_t) {
    if (ec) return self->close();
    self->ws_in_.clear();  // client messages carry nothing for weft
    self->ws_read();
  });
}

template <class Stream>
void BasicHttpSession<Stream>::send(std::string text) {
  net::post(stream_.get_executor(), [self = self(), text = std::move(text)]() mutable {
    if (self->state_ != State::kWebSocket || self->ws_closing_) return;
    self->ws_out_.push_back(std::move(text));
    if (!self->ws_writing_) self->ws_write_next();
  });
}

template <class Stream>
void BasicHttpSession<Stream>::ws_write_next() {
  if (ws_out_.empty() || state_ != State::kWebSocket) {
    ws_writing_ = false;
    return;
  }
  ws_writing_ = true;
  ws_->text(true);
  ws_->async_write(net::buffer(ws_out_.front()), [self = self()](beast::error_code ec, size_t) {
    if (ec) return self->close();
    self->ws_out_.pop_front();
    self->ws_write_next();
  });
}

template <class Stream>
void BasicHttpSession<Stream>::close(std::string reason) {
  net::post(stream_.get_executor(), [self = self(), reason = std::move(reason)] {
    if (self->state_ != State::kWebSocket || self->ws_closing_) return;
    self->ws_closing_ = true;
    boost::beast::websocket::close_reason why(boost::beast::websocket::close_code::normal, reason);
    self->ws_->async_close(why, [self](beast::error_code) { self->close(); });
  });
}

template <class Stream>
void BasicHttpSession<Stream>::on_closed(std::function<void()> fn) {
  {
    std::lock_guard lock(closed_mu_);
    if (!ws_done_) {
      closed_callbacks_.push_back(std::move(fn));
      return;
    }
  }
  fn();
}

template <class Stream>
void BasicHttpSession<Stream>::ws_ended() {
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard lock(closed_mu_);
    if (ws_done_) return;
    ws_done_ = true;
    callbacks.swap(closed_callbacks_);
  }
  for (auto& fn : callbacks) fn();
}

template <class Stream>
void BasicHttpSession<Stream>::close() {
  if (state_ == State::kClosed) return;
  bool was_websocket = state_ == State::kWebSocket;
  state_ = State::kClosed;
  if (was_websocket) ws_ended();
  finish_request();
  beast::error_code ec;
  lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
  lowest().close();
}

template class BasicHttpSession<beast::tcp_stream>;
template class BasicHttpSession<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace weft::server
