// StreamRegistry: the live endpoints of a StreamServer (stream_endpoint.h), so that a graceful
// stop can ask each to finish and wait until every one has stored what it read.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "server/stream/stream_endpoint.h"

namespace weft::server {

class StreamRegistry {
 public:
  // Returns false when the server is stopping: the endpoint should stop at once.
  bool add(const std::shared_ptr<StreamEndpoint>& endpoint);
  // From the endpoint's destructor.
  void remove(const StreamEndpoint* endpoint);

  // Marks the server as stopping and returns the endpoints alive at that moment.
  std::vector<std::shared_ptr<StreamEndpoint>> begin_stop();
  std::vector<std::shared_ptr<StreamEndpoint>> endpoints() const;
  size_t size() const;
  // Waits until no endpoint is left, or `deadline`. True when none is left.
  bool wait_until_empty(std::chrono::steady_clock::time_point deadline);

 private:
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::unordered_map<const StreamEndpoint*, std::weak_ptr<StreamEndpoint>>
      endpoints_;          // guarded by mu_
  bool stopping_ = false;  // guarded by mu_
};

}  // namespace weft::server
