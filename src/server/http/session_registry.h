// SessionRegistry: the open connections of an HttpServer and its requests in flight, so a
// graceful stop can ask every connection to close and wait for the work under way.
//
// A request is in flight from the moment it is handed to the handler (or rejected) until its
// response has been written or its connection closed.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace weft::server {

class HttpSession;

class SessionRegistry {
 public:
  // Returns true when the server is stopping: the session should close after one exchange.
  bool add(const std::shared_ptr<HttpSession>& session);
  // Called from the session's destructor.
  void remove(const HttpSession* session);

  void request_started();
  void request_finished();

  // Marks the server as stopping and returns the sessions alive at that moment.
  std::vector<std::shared_ptr<HttpSession>> begin_stop();
  // The sessions still alive.
  std::vector<std::shared_ptr<HttpSession>> sessions() const;
  size_t session_count() const;
  size_t in_flight() const;

  // Waits until no session is left, or `deadline`. True when none is left.
  bool wait_until_empty(std::chrono::steady_clock::time_point deadline);

 private:
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::unordered_map<const HttpSession*, std::weak_ptr<HttpSession>> sessions_;  // guarded by mu_
  size_t in_flight_ = 0;                                                         // guarded by mu_
  bool stopping_ = false;                                                        // guarded by mu_
};

}  // namespace weft::server
