#include "server/stream/stream_registry.h"

namespace weft::server {

bool StreamRegistry::add(const std::shared_ptr<StreamEndpoint>& endpoint) {
  std::lock_guard lock(mu_);
  endpoints_[endpoint.get()] = endpoint;
  return !stopping_;
}

void StreamRegistry::remove(const StreamEndpoint* endpoint) {
  std::lock_guard lock(mu_);
  endpoints_.erase(endpoint);
  changed_.notify_all();
}

std::vector<std::shared_ptr<StreamEndpoint>> StreamRegistry::begin_stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  return endpoints();
}

std::vector<std::shared_ptr<StreamEndpoint>> StreamRegistry::endpoints() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<StreamEndpoint>> out;
  for (const auto& [ptr, weak] : endpoints_)
    if (auto endpoint = weak.lock()) out.push_back(std::move(endpoint));
  return out;
}

size_t StreamRegistry::size() const {
  std::lock_guard lock(mu_);
  return endpoints_.size();
}

bool StreamRegistry::wait_until_empty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return changed_.wait_until(lock, deadline, [&] { return endpoints_.empty(); });
}

}  // namespace weft::server
