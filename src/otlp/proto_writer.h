// ProtoSizer and ProtoWriter: the two passes of a protobuf encoder, and encode_proto(), which
// runs them.
//
// A message is described once, by an "emit" function generic over the sink:
//
//   auto emit = [&](auto& s) {
//     s.varint(1, 42);
//     s.message(2, [&] { s.bytes(1, "nested"); });
//   };
//   std::string wire = encode_proto(emit);
//
// The first pass (ProtoSizer) adds up the encoded size and records the length of every nested
// message, in the order they start; the second (ProtoWriter) writes into a buffer of exactly
// that size, taking nested lengths from the record. Each byte is computed once and written
// once, and lengths are minimal varints. The emit function must describe the same fields in
// both passes. Sinks write what they are given: skipping default values is the caller's job.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "otlp/proto_reader.h"

namespace weft::otlp {

inline size_t varint_size(uint64_t v) {
  return v < 0x80 ? 1 : static_cast<size_t>((64 - std::countl_zero(v) + 6) / 7);
}

inline size_t tag_size(uint32_t field) { return varint_size(uint64_t{field} << 3); }

// First pass: sizes. Not reusable across messages.
class ProtoSizer {
 public:
  explicit ProtoSizer(std::vector<size_t>* lengths) : lengths_(lengths) {}

  void varint(uint32_t field, uint64_t v) { size_ += tag_size(field) + varint_size(v); }
  void fixed64(uint32_t field, uint64_t) { size_ += tag_size(field) + 8; }
  void fixed32(uint32_t field, uint32_t) { size_ += tag_size(field) + 4; }
  void double_value(uint32_t field, double) { size_ += tag_size(field) + 8; }
  void bytes(uint32_t field, std::string_view b) {
    size_ += tag_size(field) + varint_size(b.size()) + b.size();
  }
  template <typename Body>
  void message(uint32_t field, Body&& body) {
    size_t slot = lengths_->size();
    lengths_->push_back(0);
    size_t start = size_;
    body();
    size_t len = size_ - start;
    (*lengths_)[slot] = len;
    size_ += tag_size(field) + varint_size(len);
  }

  size_t size() const { return size_; }

 private:
  size_t size_ = 0;
  std::vector<size_t>* lengths_;  // nested message lengths, in start order
};

// Second pass: writes into a buffer sized by ProtoSizer, with the lengths it recorded.
class ProtoWriter {
 public:
  ProtoWriter(char* out, const size_t* lengths)
      : p_(reinterpret_cast<uint8_t*>(out)), lengths_(lengths) {}

  void varint(uint32_t field, uint64_t v) {
    put_tag(field, WireType::kVarint);
    put_varint(v);
  }
  void fixed64(uint32_t field, uint64_t v) {
    put_tag(field, WireType::kFixed64);
    for (int i = 0; i < 8; ++i) *p_++ = static_cast<uint8_t>(v >> (8 * i));
  }
  void fixed32(uint32_t field, uint32_t v) {
    put_tag(field, WireType::kFixed32);
    for (int i = 0; i < 4; ++i) *p_++ = static_cast<uint8_t>(v >> (8 * i));
  }
  void double_value(uint32_t field, double d) { fixed64(field, std::bit_cast<uint64_t>(d)); }
  void bytes(uint32_t field, std::string_view b) {
    put_tag(field, WireType::kLen);
    put_varint(b.size());
    if (!b.empty()) std::memcpy(p_, b.data(), b.size());
    p_ += b.size();
  }
  template <typename Body>
  void message(uint32_t field, Body&& body) {
    put_tag(field, WireType::kLen);
    put_varint(*lengths_++);
    body();
  }

 private:
  void put_tag(uint32_t field, WireType type) {
    put_varint(uint64_t{field} << 3 | static_cast<uint64_t>(type));
  }
  void put_varint(uint64_t v) {
    while (v >= 0x80) {
      *p_++ = static_cast<uint8_t>(v | 0x80);
      v >>= 7;
    }
    *p_++ = static_cast<uint8_t>(v);
  }

  uint8_t* p_;
  const size_t* lengths_;
};

// Encodes the message described by `emit` (callable with ProtoSizer& and ProtoWriter&).
// Not reentrant: `emit` must not call encode_proto itself.
template <typename Emit>
std::string encode_proto(Emit&& emit) {
  thread_local std::vector<size_t> lengths;  // reused: one allocation per thread, not per call
  lengths.clear();
  if (lengths.capacity() > (size_t{1} << 20)) lengths.shrink_to_fit();  // after a huge batch
  ProtoSizer sizer(&lengths);
  emit(sizer);
  std::string out(sizer.size(), '\0');
  ProtoWriter writer(out.data(), lengths.data());
  emit(writer);
  return out;
}

}  // namespace weft::otlp
