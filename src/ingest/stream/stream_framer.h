// StreamFramer: cuts the byte stream of one TCP connection into frames (messages).
//
// Two framings:
//   kLines   one frame per line: LF ends a frame (a CR before it is dropped). JSON lines.
//   kSyslog  RFC 6587, decided afresh at the start of every frame: "LEN SP MSG" (octet
//            counting: LEN is 1-9 then up to 9 more digits, MSG is exactly LEN bytes) when
//            the frame starts with a digit followed by digits and a space; otherwise
//            non-transparent framing, where LF or NUL ends the frame (a CR before it is
//            dropped). Empty frames (LF, CR LF or NUL between messages) are skipped, so a
//            sender that ends octet-counted frames with an LF is understood too.
//
// Bytes are read straight into the framer's buffer (write_area() + commit()), frames are
// handed out as views into it (next()), and consumed bytes are dropped lazily, so a frame
// costs no copy. A frame longer than max_frame_bytes is not buffered: it is reported once as
// kTooLarge (with its size so far) and its bytes are skipped up to its end.
//
// Not thread-safe: one framer per connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace weft::ingest {

enum class Framing { kLines, kSyslog };

struct Frame {
  enum class Kind { kMessage, kTooLarge };
  Kind kind = Kind::kMessage;
  std::string_view bytes;   // kMessage: the message, without framing; kTooLarge: empty
  uint64_t wire_bytes = 0;  // bytes the frame took on the wire (skipped ones for kTooLarge)
};

class StreamFramer {
 public:
  StreamFramer(Framing framing, size_t max_frame_bytes);

  // Writable space of at least `min_bytes` at the end of the buffer, for a read; then commit()
  // how many bytes were written. Invalidates the views of earlier frames.
  std::span<char> write_area(size_t min_bytes);
  void commit(size_t bytes);
  // write_area() + copy + commit(), for tests, fuzzers and datagram-less callers.
  void append(std::string_view bytes);

  // The next complete frame, or nullopt when more bytes are needed. The view is valid until
  // the next write_area()/append().
  std::optional<Frame> next();
  // At the end of the stream: the unterminated rest as a last frame (nullopt when there is
  // none, or only a partial octet count, which is dropped and counted in dropped_bytes()).
  std::optional<Frame> finish();

  // Bytes buffered and not yet handed out as frames.
  size_t buffered() const { return end_ - start_; }
  // Bytes thrown away at finish() because they could not form a frame.
  uint64_t dropped_bytes() const { return dropped_; }

 private:
  std::string_view pending() const { return {buf_.data() + start_, end_ - start_}; }
  std::optional<Frame> next_octet_counted(size_t digits);
  std::optional<Frame> next_delimited();
  std::optional<Frame> skip_oversized();
  // Length of an octet count at the start of `text` ("123 "): the digit count, 0 when the
  // frame is not octet-counted, or nullopt when more bytes are needed to tell.
  std::optional<size_t> octet_count_digits(std::string_view text) const;
  // The first delimiter in base[from, size), or size when there is none.
  size_t find_delimiter(const char* base, size_t from, size_t size) const;
  void skip_empty_frames();
  Frame message(size_t begin, size_t length, size_t consumed);

  Framing framing_;
  size_t max_frame_;
  std::string buf_;
  size_t start_ = 0;        // first byte not yet handed out
  size_t end_ = 0;          // end of the bytes read
  size_t scanned_ = 0;      // delimiter search resumes here (relative to start_)
  uint64_t skipping_ = 0;   // an oversized octet-counted frame: bytes still to skip
  bool skip_line_ = false;  // an oversized delimited frame: skip to its delimiter
  uint64_t skipped_ = 0;    // wire bytes of the oversized frame being skipped
  uint64_t dropped_ = 0;
};

}  // namespace weft::ingest
