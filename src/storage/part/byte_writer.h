// ByteWriter: appends the part format's primitives (docs/format/part.md, "Primitives") to a
// string: fixed little-endian integers, LEB128 varints, zigzag varints, length-prefixed bytes.
//
// Thread safety: none; one writer per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace weft::storage {

inline uint64_t zigzag_encode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t zigzag_decode(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}
// Bytes of the varint encoding of v (1..10).
inline size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}

  void u8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void u32(uint32_t v) { fixed(v, 4); }
  void u64(uint64_t v) { fixed(v, 8); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void zigzag(int64_t v) { varint(zigzag_encode(v)); }
  void bytes(std::string_view b) { out_->append(b); }
  void sized(std::string_view b) {
    varint(b.size());
    out_->append(b);
  }
  void f64(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    u64(bits);
  }

  size_t size() const { return out_->size(); }
  std::string& buffer() { return *out_; }

 private:
  void fixed(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out_->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  std::string* out_;
};

}  // namespace weft::storage
