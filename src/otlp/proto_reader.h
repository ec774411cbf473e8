// ProtoReader: a zero-copy reader of the protobuf wire format, for the OTLP decoders.
//
// It walks the fields of one message held in memory. next() reads one whole field, tag and
// value: a varint, fixed32 or fixed64 number, or a view of a length-delimited payload (which
// the caller reads with a nested ProtoReader). Fields of the deprecated group wire type are
// skipped whole (nested groups included) and returned with type kStartGroup, so callers treat
// them as unknown fields. Nothing is copied or allocated.
//
// On malformed input next() returns false and error() describes the problem, e.g.
// "truncated length-delimited field 5". At the clean end of the message next() returns false
// and failed() is false. The viewed bytes must outlive the reader and the fields it returns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace weft::otlp {

enum class WireType : uint8_t {
  kVarint = 0,
  kFixed64 = 1,
  kLen = 2,
  kStartGroup = 3,
  kEndGroup = 4,
  kFixed32 = 5,
};

// "varint", "fixed64", "length-delimited", "group", "end-group", "fixed32".
const char* wire_type_name(WireType type);

// One field as read from the wire.
struct WireField {
  uint32_t number = 0;
  WireType type = WireType::kVarint;
  uint64_t scalar = 0;     // the value of a varint, fixed32 or fixed64 field
  std::string_view bytes;  // the payload of a length-delimited field
};

class ProtoReader {
 public:
  explicit ProtoReader(std::string_view message)
      : p_(reinterpret_cast<const uint8_t*>(message.data())), end_(p_ + message.size()) {}

  // Reads the next field. False at the end of the message or on an error (see failed()).
  bool next(WireField* field);

  bool failed() const { return error_ != Error::kNone; }
  // What went wrong, naming the field number when one was read; "" when nothing failed.
  std::string error() const;

 private:
  enum class Error : uint8_t {
    kNone,
    kTruncatedTag,
    kBadTag,
    kTruncatedVarint,
    kTruncatedFixed,
    kTruncatedLength,
    kLengthPastEnd,
    kBadWireType,
    kUnexpectedEndGroup,
    kUnterminatedGroup,
    kGroupTooDeep,
  };

  bool read_varint(uint64_t* out);
  bool read_varint_slow(uint64_t* out);
  bool read_value(WireField* field);
  bool skip_group(uint32_t number);
  bool fail(Error e, uint32_t field_number) {
    error_ = e;
    error_field_ = field_number;
    return false;
  }

  const uint8_t* p_;
  const uint8_t* end_;
  Error error_ = Error::kNone;
  uint32_t error_field_ = 0;
};

// ---- inline hot path ----

inline bool ProtoReader::read_varint(uint64_t* out) {
  if (p_ < end_ && *p_ < 0x80) {  // one-byte varints: tags, small numbers, short lengths
    *out = *p_++;
    return true;
  }
  return read_varint_slow(out);
}

inline bool ProtoReader::next(WireField* field) {
  if (p_ == end_) return false;
  uint64_t tag;
  if (!read_varint(&tag)) return fail(Error::kTruncatedTag, 0);
  uint64_t number = tag >> 3;
  if (number == 0 || number > 0x1FFFFFFF) return fail(Error::kBadTag, 0);
  field->number = static_cast<uint32_t>(number);
  field->type = static_cast<WireType>(tag & 7);
  return read_value(field);
}

inline bool ProtoReader::read_value(WireField* field) {
  const uint32_t n = field->number;
  switch (field->type) {
    case WireType::kVarint:
      if (!read_varint(&field->scalar)) return fail(Error::kTruncatedVarint, n);
      return true;
    case WireType::kLen: {
      uint64_t len;
      if (!read_varint(&len)) return fail(Error::kTruncatedLength, n);
      if (len > static_cast<uint64_t>(end_ - p_)) return fail(Error::kLengthPastEnd, n);
      field->bytes = {reinterpret_cast<const char*>(p_), static_cast<size_t>(len)};
      p_ += len;
      return true;
    }
    case WireType::kFixed64: {
      if (end_ - p_ < 8) return fail(Error::kTruncatedFixed, n);
      uint64_t v = 0;
      for (int i = 7; i >= 0; --i) v = v << 8 | p_[i];
      field->scalar = v;
      p_ += 8;
      return true;
    }
    case WireType::kFixed32: {
      if (end_ - p_ < 4) return fail(Error::kTruncatedFixed, n);
      field->scalar = uint32_t{p_[0]} | uint32_t{p_[1]} << 8 | uint32_t{p_[2]} << 16 |
                      uint32_t{p_[3]} << 24;
      p_ += 4;
      return true;
    }
    case WireType::kStartGroup: return skip_group(n);
    case WireType::kEndGroup: return fail(Error::kUnexpectedEndGroup, n);
    default: return fail(Error::kBadWireType, n);
  }
}

}  // namespace weft::otlp
