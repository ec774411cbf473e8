// FrameDecoder: turns one message of a stream protocol (a syslog message, a JSON line) into a
// log record. StreamDecoder feeds it the frames of a connection; UDP hands it datagrams.
//
// Not thread-safe: one decoder per connection (decoders keep caches, such as the resources
// of the hosts and services they have seen).
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "model/log_record.h"

namespace weft::ingest {

class FrameDecoder {
 public:
  virtual ~FrameDecoder() = default;

  // Appends the record of `frame` to `out` (or nothing, for a blank frame). `now` is the
  // observed time of the record. kInvalidArgument, with a message for the sender, when the
  // frame is rejected; `out` is then unchanged.
  virtual Status decode_frame(std::string_view frame, UnixNanos now, LogBatch& out) = 0;

  // Bytes readable after a padded frame (what simdjson needs to parse in place).
  static constexpr size_t kFramePadding = 64;
  // The same, for a frame followed by at least kFramePadding readable bytes (of any value), so
  // a decoder may read past its end instead of copying it first. FrameBatch pads its frames.
  virtual Status decode_padded_frame(std::string_view frame, UnixNanos now, LogBatch& out) {
    return decode_frame(frame, now, out);
  }
};

}  // namespace weft::ingest
