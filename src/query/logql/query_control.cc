#include "query/logql/query_control.h"

namespace weft::logql {

Status QueryControl::check() {
  if (!failed_.is_ok()) return failed_;
  if ((++calls_ & 1023) != 0) return Status::ok();
  if (cancelled_->load(std::memory_order_relaxed)) {
    failed_ = Status::unavailable("context canceled: the client went away");
  } else if (Clock::now() > deadline_) {
    failed_ = Status::unavailable("query timed out: the query took longer than query.timeout");
  }
  return failed_;
}

Status QueryControl::charge(uint64_t bytes) {
  if (!failed_.is_ok()) return failed_;
  held_ += bytes;
  if (held_ > peak_) peak_ = held_;
  if (held_ > budget_) {
    failed_ = Status::exhausted("query over its memory budget of " + std::to_string(budget_) +
                                " bytes (query.max_memory_bytes): narrow the time range or the "
                                "selector, or aggregate by fewer labels");
  }
  return failed_;
}

bool is_query_timeout(const Status& status) {
  return status.code() == StatusCode::kUnavailable && status.message().rfind("query timed out", 0) == 0;
}

}  // namespace weft::logql
