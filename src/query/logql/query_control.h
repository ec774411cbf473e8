// QueryControl: the limits one running query is held to - a deadline, cancellation (the
// client went away), and a memory budget for what the query keeps (series, samples, log
// entries). Operators call check() in their loops and charge() for what they hold; the first
// failure sticks and every later call reports it, so a query stops at the next check.
//
// Thread safety: cancel() may be called from any thread; the rest from the query's thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"

namespace weft::logql {

class QueryControl {
 public:
  using Clock = std::chrono::steady_clock;

  QueryControl() = default;
  QueryControl(Clock::time_point deadline, uint64_t memory_budget_bytes)
      : deadline_(deadline), budget_(memory_budget_bytes) {}

  // A handle that cancels this query from elsewhere (the HTTP session on disconnect).
  std::shared_ptr<std::atomic<bool>> cancel_flag() const { return cancelled_; }
  void cancel() { cancelled_->store(true, std::memory_order_relaxed); }

  // Cheap enough for every row: looks at the clock every 1024 calls.
  Status check();
  // Adds to the bytes held; kResourceExhausted past the budget.
  Status charge(uint64_t bytes);
  void release(uint64_t bytes) { held_ = bytes > held_ ? 0 : held_ - bytes; }
  uint64_t held_bytes() const { return held_; }
  uint64_t peak_bytes() const { return peak_; }

 private:
  Clock::time_point deadline_ = Clock::time_point::max();
  uint64_t budget_ = UINT64_MAX;
  uint64_t held_ = 0;
  uint64_t peak_ = 0;
  uint32_t calls_ = 0;
  Status failed_;
  std::shared_ptr<std::atomic<bool>> cancelled_ = std::make_shared<std::atomic<bool>>(false);
};

// Whether a failed query ran out of time (rather than being cancelled).
bool is_query_timeout(const Status& status);

}  // namespace weft::logql
