// Pb: a minimal protobuf message builder for tests, written independently of ProtoWriter so
// that decoder tests do not depend on the encoder under test.
//
//   std::string wire = Pb().varint(1, 5).bytes(2, "x").msg(3, Pb().fixed64(1, 9)).str();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace weft::otlp::testing {

class Pb {
 public:
  Pb& tag(uint32_t field, int wire_type) { return raw_varint(uint64_t{field} << 3 | wire_type); }
  Pb& raw_varint(uint64_t v) {
    do {
      uint8_t b = v & 0x7F;
      v >>= 7;
      out_ += static_cast<char>(v != 0 ? (b | 0x80) : b);
    } while (v != 0);
    return *this;
  }
  Pb& raw(std::string_view bytes) {
    out_.append(bytes);
    return *this;
  }
  Pb& varint(uint32_t field, uint64_t v) { return tag(field, 0).raw_varint(v); }
  Pb& fixed64(uint32_t field, uint64_t v) {
    tag(field, 1);
    for (int i = 0; i < 8; ++i) out_ += static_cast<char>(v >> (8 * i));
    return *this;
  }
  Pb& fixed32(uint32_t field, uint32_t v) {
    tag(field, 5);
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>(v >> (8 * i));
    return *this;
  }
  Pb& bytes(uint32_t field, std::string_view b) {
    tag(field, 2).raw_varint(b.size());
    out_.append(b);
    return *this;
  }
  Pb& msg(uint32_t field, const Pb& m) { return bytes(field, m.str()); }

  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace weft::otlp::testing
