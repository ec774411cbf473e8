#include <atomic>
#include <mutex>
#include <vector>
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
  std::mutex mu;
  bool abandoned = false;                        // guarded by mu
  std::vector<std::function<void()>> on_abandon;  // guarded by mu

  explicit State(SendFn fn) : send(std::move(fn)) {}
  ~State();

  // True for exactly one caller.
  bool claim() { return !sent.exchange(true, std::memory_order_acq_rel); }

  void abandon() {
    std::vector<std::function<void()>> fns;
    {
      std::lock_guard lock(mu);
      if (abandoned) return;
      abandoned = true;
      fns.swap(on_abandon);
    }
    for (auto& fn : fns) fn();
  }
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

void Responder::on_abandoned(std::function<void()> fn) const {
  {
    std::lock_guard lock(state_->mu);
    if (!state_->abandoned) {
      state_->on_abandon.push_back(std::move(fn));
      return;
    }
  }
  fn();
}

void Responder::abandon() const { state_->abandon(); }

std::function<void()> Responder::abandoner() const {
  std::weak_ptr<State> weak = state_;
  return [weak] {
    auto state = weak.lock();
    if (state && !state->sent.load(std::memory_order_acquire)) state->abandon();
  };
}

}  // namespace weft::server
