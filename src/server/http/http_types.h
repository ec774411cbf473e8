// The HTTP message types weft's handlers see, and Responder: the handle a handler answers with.
//
// A handler receives a complete request (body already read, chunked or not) and a Responder.
// It may answer at once or later, from any thread (ingest answers from the WAL thread once its
// batch is durable): the Responder hands the response back to the connection's own executor.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

namespace weft::server {

namespace http = boost::beast::http;

using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
// The start line and header fields of a request (of a response under construction: no body).
using HttpRequestHeader = http::request_header<>;

// A response with a body and its Content-Type; Content-Length is filled in when it is sent.
HttpResponse make_response(http::status status, std::string_view content_type, std::string body);

// Answers one request exactly once.
//
// Copies share one answer: the first call sends, later calls are ignored. When the last copy
// is destroyed without having been called, a 500 is sent so the connection never hangs.
// Thread-safe: may be called from any thread.
class Responder {
 public:
  using SendFn = std::function<void(HttpResponse)>;

  explicit Responder(SendFn send);

  void operator()(HttpResponse response) const;
  // Whether a response has been sent through some copy.
  bool sent() const;

  // Registers work to stop when the client goes away before the answer (a long query):
  // `fn` runs once, on the connection's thread, when the session sees the connection closed
  // while the request is still unanswered; at once if that has already happened.
  void on_abandoned(std::function<void()> fn) const;
  // Called by the session when the client closed the connection before the answer.
  void abandon() const;
  // A function doing abandon() that does not keep the Responder alive (so a dropped Responder
  // still sends its 500); does nothing once the request is answered.
  std::function<void()> abandoner() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace weft::server
