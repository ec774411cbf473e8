#include "server/stream/stream_batcher.h"

#include <boost/asio/post.hpp>

#include "common/log.h"

namespace weft::server {

namespace {

bool retryable(const Status& status) {
  return status.code() == StatusCode::kResourceExhausted ||
         status.code() == StatusCode::kUnavailable;
}

}  // namespace

StreamBatcher::StreamBatcher(Strand strand, IngestDoor& door, std::string tenant,
                             std::unique_ptr<ingest::FrameDecoder> decoder,
                             StreamBatchLimits limits)
    : strand_(strand),
      door_(door),
      tenant_(std::move(tenant)),
      decoder_(std::move(decoder)),
      limits_(limits),
      linger_timer_(strand),
      retry_timer_(strand) {}

bool StreamBatcher::pending_at_limit() const {
  return pending_.frames() >= limits_.max_frames || pending_.bytes() >= limits_.max_bytes;
}

bool StreamBatcher::full() const { return busy_ && pending_at_limit(); }

void StreamBatcher::add(std::string_view frame, uint64_t wire_bytes) {
  if (abandoned_) return;
  pending_.add(frame, wire_bytes, now_unix_nanos());
  if (busy_) {
    was_full_ = was_full_ || full();
    return;
  }
  if (pending_at_limit()) return submit_pending();
  arm_linger();
}

void StreamBatcher::arm_linger() {
  if (linger_armed_) return;
  linger_armed_ = true;
  linger_timer_.expires_after(limits_.linger);
  linger_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    self->linger_armed_ = false;
    if (ec || self->abandoned_ || self->busy_ || self->pending_.empty()) return;
    self->submit_pending();
  });
}

void StreamBatcher::submit_pending() {
  std::swap(in_flight_, pending_);
  pending_.clear();
  busy_ = true;
  retry_delay_ = std::chrono::milliseconds(0);
  submit_in_flight(true);
}

void StreamBatcher::submit_in_flight(bool first_attempt) {
  LogBatch batch;
  batch.tenant = tenant_;
  ingest::FrameRejects rejects;
  in_flight_.decode(*decoder_, batch, first_attempt ? &rejects : nullptr);
  if (rejects.frames > 0) {
    door_.refused(RejectReason::kMalformed, rejects.frames, rejects.bytes);
    log::debug("stream frames rejected",
               {{"frames", rejects.frames}, {"first_error", rejects.first_error}});
  }
  door_.submit(std::move(batch), in_flight_.wire_bytes(), [self = shared_from_this()](Status s) {
    boost::asio::post(self->strand_,
                      [self, s = std::move(s)]() mutable { self->on_outcome(std::move(s)); });
  });
}

void StreamBatcher::on_outcome(Status status) {
  if (abandoned_) return;
  if (retryable(status)) return retry_later();
  in_flight_.clear();
  busy_ = false;
  after_batch();
}

void StreamBatcher::retry_later() {
  retry_delay_ =
      retry_delay_.count() == 0 ? limits_.retry_min : std::min(2 * retry_delay_, limits_.retry_max);
  retry_timer_.expires_after(retry_delay_);
  retry_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (ec || self->abandoned_) return;
    self->submit_in_flight(false);
  });
}

// The batch in flight is done: what filled meanwhile goes at once (acknowledgements pace the
// batches), and a reader that was held back may go on.
void StreamBatcher::after_batch() {
  if (!pending_.empty()) submit_pending();
  if (was_full_ && !full()) {
    was_full_ = false;
    if (on_room_) {
      auto room = on_room_;  // the callback may replace on_room_ while it runs
      room();
    }
  }
  check_drained();
}

void StreamBatcher::close(std::function<void()> drained) {
  closing_ = true;
  drained_ = std::move(drained);
  if (!busy_ && !pending_.empty()) submit_pending();
  check_drained();
}

void StreamBatcher::check_drained() {
  if (!closing_ || busy_ || !pending_.empty() || !drained_) return;
  auto drained = std::move(drained_);
  drained_ = nullptr;
  drained();
}

void StreamBatcher::abandon() {
  if (abandoned_) return;
  abandoned_ = true;
  size_t dropped = pending_.frames() + (busy_ ? in_flight_.frames() : 0);
  if (dropped > 0)
    log::warn("stream frames not stored at the shutdown deadline", {{"frames", dropped}});
  linger_timer_.cancel();
  retry_timer_.cancel();
  pending_.clear();
  in_flight_.clear();
  busy_ = false;
  on_room_ = nullptr;
  if (drained_) {
    auto drained = std::move(drained_);
    drained_ = nullptr;
    drained();
  }
}

}  // namespace weft::server
