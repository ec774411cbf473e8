#include "ingest/stream/stream_framer.h"

#include <algorithm>
#include <cstring>

namespace weft::ingest {

namespace {

// Most digits an octet count may have (RFC 6587 puts no limit; 10 digits reach 9.9 GB).
constexpr size_t kMaxCountDigits = 10;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

StreamFramer::StreamFramer(Framing framing, size_t max_frame_bytes)
    : framing_(framing), max_frame_(max_frame_bytes) {}

std::span<char> StreamFramer::write_area(size_t min_bytes) {
  if (start_ == end_) start_ = end_ = 0;
  if (buf_.size() - end_ < min_bytes && start_ > 0) {
    std::memmove(buf_.data(), buf_.data() + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
  }
  if (buf_.size() - end_ < min_bytes) buf_.resize(std::max(end_ + min_bytes, 2 * buf_.size()));
  return {buf_.data() + end_, buf_.size() - end_};
}

void StreamFramer::commit(size_t bytes) { end_ += std::min(bytes, buf_.size() - end_); }

void StreamFramer::append(std::string_view bytes) {
  std::span<char> area = write_area(bytes.size());
  if (!bytes.empty()) std::memcpy(area.data(), bytes.data(), bytes.size());
  commit(bytes.size());
}

std::optional<Frame> StreamFramer::next() {
  if (skipping_ > 0 || skip_line_) return skip_oversized();
  if (framing_ == Framing::kSyslog) {
    skip_empty_frames();
    std::optional<size_t> digits = octet_count_digits(pending());
    if (!digits) return std::nullopt;
    if (*digits > 0) return next_octet_counted(*digits);
  }
  return next_delimited();
}

std::optional<size_t> StreamFramer::octet_count_digits(std::string_view text) const {
  if (text.empty()) return std::nullopt;
  if (text[0] < '1' || text[0] > '9') return 0;
  for (size_t i = 1; i <= kMaxCountDigits; ++i) {
    if (i == text.size()) return std::nullopt;
    if (text[i] == ' ') return i;
    if (!is_digit(text[i])) return 0;
  }
  return 0;
}

std::optional<Frame> StreamFramer::next_octet_counted(size_t digits) {
  uint64_t length = 0;
  for (size_t i = 0; i < digits; ++i) length = length * 10 + (buf_[start_ + i] - '0');
  uint64_t header = digits + 1;
  if (length > max_frame_) {
    start_ += header;
    scanned_ = 0;
    skipping_ = length;
    skipped_ = header;  // grows by what is skipped, so a frame cut short counts what came
    return skip_oversized();
  }
  if (buffered() < header + length) return std::nullopt;
  return message(start_ + header, length, header + length);
}

size_t StreamFramer::find_delimiter(const char* base, size_t from, size_t size) const {
  const void* lf = std::memchr(base + from, '\n', size - from);
  size_t at = lf ? static_cast<const char*>(lf) - base : size;
  if (framing_ == Framing::kSyslog && at > from) {
    const void* nul = std::memchr(base + from, '\0', at - from);
    if (nul) at = static_cast<const char*>(nul) - base;
  }
  return at;
}

std::optional<Frame> StreamFramer::next_delimited() {
  const char* base = buf_.data() + start_;
  size_t size = end_ - start_;
  size_t at = find_delimiter(base, scanned_, size);
  if (at == size) {
    scanned_ = size;
    if (size <= max_frame_) return std::nullopt;
    skip_line_ = true;
    skipped_ = 0;
    return skip_oversized();
  }
  if (at > max_frame_) {
    start_ += at + 1;
    scanned_ = 0;
    return Frame{Frame::Kind::kTooLarge, {}, at + 1};
  }
  size_t length = at;
  if (length > 0 && base[length - 1] == '\r') --length;
  return message(start_, length, at + 1);
}

std::optional<Frame> StreamFramer::skip_oversized() {
  if (skipping_ > 0) {
    uint64_t n = std::min<uint64_t>(skipping_, buffered());
    start_ += n;
    skipping_ -= n;
    skipped_ += n;
    if (skipping_ > 0) return std::nullopt;
  } else {
    const char* base = buf_.data() + start_;
    size_t size = end_ - start_;
    size_t at = find_delimiter(base, 0, size);
    if (at == size) {
      skipped_ += size;
      start_ = end_;
      return std::nullopt;
    }
    skipped_ += at + 1;
    start_ += at + 1;
    skip_line_ = false;
  }
  scanned_ = 0;
  uint64_t wire = skipped_;
  skipped_ = 0;
  return Frame{Frame::Kind::kTooLarge, {}, wire};
}

void StreamFramer::skip_empty_frames() {
  while (start_ < end_ && (buf_[start_] == '\n' || buf_[start_] == '\r' || buf_[start_] == '\0')) {
    ++start_;
    scanned_ = 0;
  }
}

Frame StreamFramer::message(size_t begin, size_t length, size_t consumed) {
  Frame frame{Frame::Kind::kMessage, std::string_view(buf_.data() + begin, length), consumed};
  start_ += consumed;
  scanned_ = 0;
  return frame;
}

std::optional<Frame> StreamFramer::finish() {
  if (skipping_ > 0 || skip_line_) {
    Frame frame{Frame::Kind::kTooLarge, {}, skipped_ + buffered()};
    skipping_ = 0;
    skip_line_ = false;
    skipped_ = 0;
    start_ = end_;
    return frame;
  }
  if (framing_ == Framing::kSyslog) {
    skip_empty_frames();
    std::optional<size_t> digits = octet_count_digits(pending());
    if (digits && *digits > 0) {  // an octet-counted frame cut short
      dropped_ += buffered();
      start_ = end_;
      return std::nullopt;
    }
  }
  if (start_ == end_) return std::nullopt;
  size_t length = buffered();
  if (buf_[start_ + length - 1] == '\r') --length;
  return message(start_, length, buffered());
}

}  // namespace weft::ingest
