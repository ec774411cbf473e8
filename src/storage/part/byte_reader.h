// ByteReader: reads what ByteWriter writes, from untrusted bytes.
//
// Every read is bounds-checked. The first read that runs past the end or meets a malformed
// varint puts the reader in a failed state: it then returns zeros and empty views, and ok()
// stays false, so a decoder can read a whole structure and check once at the end (and must
// check before trusting any value it read, e.g. before allocating by a count).
//
// Thread safety: none; one reader per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "storage/part/byte_writer.h"

namespace weft::storage {

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }
  size_t position() const { return pos_; }
  void fail() {
    ok_ = false;
    pos_ = data_.size();
  }

  uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<uint8_t>(data_[pos_++]);
  }
  uint32_t u32() { return static_cast<uint32_t>(fixed(4)); }
  uint64_t u64() { return fixed(8); }
  double f64() {
    uint64_t bits = u64();
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!need(1)) return 0;
      uint8_t b = static_cast<uint8_t>(data_[pos_++]);
      if (shift == 63 && b > 1) break;  // more than 64 bits
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    fail();
    return 0;
  }
  int64_t zigzag() { return zigzag_decode(varint()); }
  // A varint that must be at most `max`.
  uint64_t bounded(uint64_t max) {
    uint64_t v = varint();
    if (v > max) fail();
    return ok_ ? v : 0;
  }
  std::string_view bytes(size_t n) {
    if (!need(n)) return {};
    std::string_view v = data_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  std::string_view sized() { return bytes(static_cast<size_t>(bounded(remaining()))); }

 private:
  bool need(size_t n) {
    if (ok_ && n <= data_.size() - pos_) return true;
    fail();
    return false;
  }
  uint64_t fixed(int n) {
    if (!need(static_cast<size_t>(n))) return 0;
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
    pos_ += static_cast<size_t>(n);
    return v;
  }

  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace weft::storage
