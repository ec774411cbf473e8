#include "server/http/session_registry.h"

namespace weft::server {

bool SessionRegistry::add(const std::shared_ptr<HttpSession>& session) {
  std::lock_guard lock(mu_);
  sessions_.emplace(session.get(), session);
  return stopping_;
}

std::vector<std::shared_ptr<HttpSession>> SessionRegistry::begin_stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  return sessions();
}

void SessionRegistry::remove(const HttpSession* session) {
  std::lock_guard lock(mu_);
  sessions_.erase(session);
  changed_.notify_all();
}

void SessionRegistry::request_started() {
  std::lock_guard lock(mu_);
  ++in_flight_;
}

void SessionRegistry::request_finished() {
  std::lock_guard lock(mu_);
  --in_flight_;
  changed_.notify_all();
}

std::vector<std::shared_ptr<HttpSession>> SessionRegistry::sessions() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<HttpSession>> out;
  out.reserve(sessions_.size());
  for (const auto& [ptr, weak] : sessions_)
    if (auto session = weak.lock()) out.push_back(std::move(session));
  return out;
}

size_t SessionRegistry::session_count() const {
  std::lock_guard lock(mu_);
  return sessions_.size();
}

size_t SessionRegistry::in_flight() const {
  std::lock_guard lock(mu_);
  return in_flight_;
}

bool SessionRegistry::wait_until_empty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return changed_.wait_until(lock, deadline, [&] { return sessions_.empty(); });
}

}  // namespace weft::server
