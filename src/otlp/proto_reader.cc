#include "otlp/proto_reader.h"

namespace weft::otlp {

namespace {
// Deepest nesting of (unknown, skipped) groups accepted; real OTLP senders never use groups.
constexpr int kMaxGroupDepth = 64;
}  // namespace

const char* wire_type_name(WireType type) {
  switch (type) {
    case WireType::kVarint: return "varint";
    case WireType::kFixed64: return "fixed64";
    case WireType::kLen: return "length-delimited";
    case WireType::kStartGroup: return "group";
    case WireType::kEndGroup: return "end-group";
    case WireType::kFixed32: return "fixed32";
  }
  return "invalid";
}

bool ProtoReader::read_varint_slow(uint64_t* out) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64 && p_ < end_; shift += 7) {
    uint8_t b = *p_++;
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (b < 0x80) {
      *out = v;
      return true;
    }
  }
  return false;  // ran out of bytes, or more than ten bytes
}

// Skips the body of a group whose start tag (field `number`) was just read, up to and including
// its matching end tag.
bool ProtoReader::skip_group(uint32_t number) {
  uint32_t open[kMaxGroupDepth];
  int depth = 0;
  open[depth++] = number;
  WireField inner;
  while (depth > 0) {
    if (p_ == end_) return fail(Error::kUnterminatedGroup, open[0]);
    uint64_t tag;
    if (!read_varint(&tag)) return fail(Error::kTruncatedTag, 0);
    uint64_t n = tag >> 3;
    if (n == 0 || n > 0x1FFFFFFF) return fail(Error::kBadTag, 0);
    inner.number = static_cast<uint32_t>(n);
    inner.type = static_cast<WireType>(tag & 7);
    if (inner.type == WireType::kEndGroup) {
      if (inner.number != open[depth - 1]) return fail(Error::kUnexpectedEndGroup, inner.number);
      --depth;
    } else if (inner.type == WireType::kStartGroup) {
      if (depth == kMaxGroupDepth) return fail(Error::kGroupTooDeep, inner.number);
      open[depth++] = inner.number;
    } else if (!read_value(&inner)) {
      return false;
    }
  }
  return true;
}

std::string ProtoReader::error() const {
  std::string f = std::to_string(error_field_);
  switch (error_) {
    case Error::kNone: return "";
    case Error::kTruncatedTag: return "truncated field tag";
    case Error::kBadTag: return "invalid field tag (field number 0 or too large)";
    case Error::kTruncatedVarint: return "truncated varint field " + f;
    case Error::kTruncatedFixed: return "truncated fixed-width field " + f;
    case Error::kTruncatedLength: return "truncated length of field " + f;
    case Error::kLengthPastEnd:
      return "truncated length-delimited field " + f + " (length runs past the end)";
    case Error::kBadWireType: return "invalid wire type in field " + f;
    case Error::kUnexpectedEndGroup: return "unexpected end-group tag for field " + f;
    case Error::kUnterminatedGroup: return "unterminated group field " + f;
    case Error::kGroupTooDeep: return "groups nested too deeply at field " + f;
  }
  return "malformed protobuf";
}

}  // namespace weft::otlp
