#include <atomic>
#include <utility>

#include "common/log.h"
#include "server/http/http_types.h"

namespace weft::server {

HttpResponse make_response(http::status status, std::string_view content_type, std::string body) {
  HttpResponse response{status, 11};
  response.set(http::field::content_type, content_type);
  response.body() = std::move(body);
  return response;
}

struct Responder::State {
  SendFn send;
  std::atomic<bool> sent{false};

  explicit State(SendFn fn) : send(std::move(fn)) {}
  ~State();

  // True for exactly one caller.
  bool claim() { return !sent.exchange(true, std::memory_order_acq_rel); }
};

Responder::State::~State() {
  if (!claim()) return;
  log::error("request dropped without a response");
  try {
    send(make_response(http::status::internal_server_error, "application/json",
                       R"({"error":"internal error: the request was not answered"})"));
  } catch (const std::exception& e) {
    log::error("sending the fallback response failed", {{"error", e.what()}});
  }
}

Responder::Responder(SendFn send) : state_(std::make_shared<State>(std::move(send))) {}

void Responder::operator()(HttpResponse response) const {
  if (state_->claim()) state_->send(std::move(response));
}

bool Responder::sent() const { return state_->sent.load(std::memory_order_acquire); }

}  // namespace weft::server
