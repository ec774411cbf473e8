#include "ingest/stream/frame_batch.h"

namespace weft::ingest {

void FrameBatch::add(std::string_view frame, uint64_t wire_bytes, UnixNanos now) {
  if (ends_.empty()) observed_ = now;
  size_t needed = data_.size() + frame.size() + FrameDecoder::kFramePadding;
  if (data_.capacity() < needed) data_.reserve(2 * needed);
  data_.append(frame);
  ends_.push_back(static_cast<uint32_t>(data_.size()));
  wire_.push_back(static_cast<uint32_t>(wire_bytes));
  wire_bytes_ += wire_bytes;
}

void FrameBatch::decode(FrameDecoder& decoder, LogBatch& out, FrameRejects* rejects) const {
  out.records.reserve(out.records.size() + ends_.size());
  uint32_t begin = 0;
  for (size_t i = 0; i < ends_.size(); ++i) {
    std::string_view frame(data_.data() + begin, ends_[i] - begin);
    begin = ends_[i];
    Status decoded = decoder.decode_padded_frame(frame, observed_, out);
    if (decoded.is_ok() || rejects == nullptr) continue;
    if (rejects->frames++ == 0) rejects->first_error = decoded.message();
    rejects->bytes += wire_[i];
  }
}

void FrameBatch::clear() {
  data_.clear();
  ends_.clear();
  wire_.clear();
  wire_bytes_ = 0;
  observed_ = 0;
}

}  // namespace weft::ingest
