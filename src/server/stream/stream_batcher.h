// StreamBatcher: gathers the frames of one stream endpoint (a TCP connection, a UDP socket)
// into batches and submits them through the endpoint's IngestDoor, one batch in flight at a
// time, while the next one fills (StreamBatchLimits).
//
// A batch is kept as its raw frames (FrameBatch) and decoded just before each submission, so
// a batch that storage refuses with kResourceExhausted (backpressure) or kUnavailable (weft is
// starting) is decoded again and resubmitted after a pause: nothing is dropped. A batch
// refused for any other reason (an I/O error) is dropped; the door has counted it.
//
// Backpressure to the reader: full() is true while the filling batch is at its limits and
// another is in flight (or waiting to be retried); the reader must then stop adding (a TCP
// connection stops reading; a UDP socket drops datagrams) until the room callback runs.
//
// Lifecycle: add() ... close(drained): the rest is submitted and `drained` runs once nothing
// is pending or in flight. abandon() drops what is left (at the shutdown deadline).
//
// Thread safety: every method runs on the endpoint's strand, and so do the callbacks; the
// batcher keeps itself alive while a batch is in flight or a timer is armed.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "common/status.h"
#include "ingest/stream/frame_batch.h"
#include "ingest/stream/frame_decoder.h"
#include "server/ingest/ingest_gate.h"
#include "server/stream/stream_batch_limits.h"

namespace weft::server {

class StreamBatcher : public std::enable_shared_from_this<StreamBatcher> {
 public:
  // The endpoint's strand (a socket's executor).
  using Strand = boost::asio::any_io_executor;

  // `door` must outlive every batch's acknowledgement (the StreamServer owns it).
  StreamBatcher(Strand strand, IngestDoor& door, std::string tenant,
                std::unique_ptr<ingest::FrameDecoder> decoder, StreamBatchLimits limits);

  // Adds one frame that took `wire_bytes` on the wire. May be called while full(): the batch
  // then grows past its limits (by at most one read's worth of frames).
  void add(std::string_view frame, uint64_t wire_bytes);
  bool full() const;
  // Runs (on the strand) each time full() turns false again.
  void on_room(std::function<void()> callback) { on_room_ = std::move(callback); }

  void close(std::function<void()> drained);
  void abandon();

  // Frames waiting in the filling batch (not yet submitted).
  size_t pending_frames() const { return pending_.frames(); }

 private:
  bool pending_at_limit() const;
  void arm_linger();
  void submit_pending();
  void submit_in_flight(bool first_attempt);
  void on_outcome(Status status);
  void retry_later();
  void after_batch();
  void check_drained();

  Strand strand_;
  IngestDoor& door_;
  std::string tenant_;
  std::unique_ptr<ingest::FrameDecoder> decoder_;
  StreamBatchLimits limits_;
  boost::asio::steady_timer linger_timer_;
  boost::asio::steady_timer retry_timer_;

  ingest::FrameBatch pending_;    // filling
  ingest::FrameBatch in_flight_;  // submitted (or waiting to be retried)
  bool busy_ = false;             // in_flight_ is submitted or waiting for a retry
  bool linger_armed_ = false;
  bool was_full_ = false;
  bool closing_ = false;
  bool abandoned_ = false;
  std::chrono::milliseconds retry_delay_{0};
  std::function<void()> on_room_;
  std::function<void()> drained_;
};

}  // namespace weft::server
