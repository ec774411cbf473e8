// FrameBatch: the raw frames of one batch of a stream connection (TCP frames or UDP
// datagrams), decoded into log records when the batch is submitted.
//
// Keeping the frames rather than the records lets a batch that storage refused for a while
// (backpressure, or weft still replaying its WAL) be decoded again and resubmitted: nothing
// is lost and no deep copy of records is made. The observed time of every record is the time
// the batch's first frame arrived, the same on every decode.
//
// Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "ingest/stream/frame_decoder.h"
#include "model/log_record.h"

namespace weft::ingest {

// Frames a decoder rejected.
struct FrameRejects {
  uint64_t frames = 0;
  uint64_t bytes = 0;       // their bytes on the wire
  std::string first_error;  // why the first one was rejected
};

class FrameBatch {
 public:
  // Appends a frame that took `wire_bytes` on the wire (its framing included).
  void add(std::string_view frame, uint64_t wire_bytes, UnixNanos now);

  bool empty() const { return ends_.empty(); }
  size_t frames() const { return ends_.size(); }
  size_t bytes() const { return data_.size(); }
  uint64_t wire_bytes() const { return wire_bytes_; }

  // Decodes every frame with `decoder` into `out` (as padded frames: the batch keeps
  // FrameDecoder::kFramePadding bytes of capacity after its last frame); rejected frames are
  // counted in `rejects` (nullptr: not counted, as on a retry).
  void decode(FrameDecoder& decoder, LogBatch& out, FrameRejects* rejects) const;

  void clear();

 private:
  std::string data_;            // the frames, back to back
  std::vector<uint32_t> ends_;  // where each frame ends in data_
  std::vector<uint32_t> wire_;  // each frame's bytes on the wire
  uint64_t wire_bytes_ = 0;
  UnixNanos observed_ = 0;
};

}  // namespace weft::ingest
