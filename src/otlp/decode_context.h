// Pieces shared by the protobuf and JSON decoders of OTLP requests: DecodePath, which tracks
// where the decoder is for error messages ("resource_logs[0].scope_logs[1].log_records[3]"),
// and the id rules that decide whether a record is kept or rejected.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/ids.h"

namespace weft::otlp {

// A stack of path segments, pushed on the way into a message and popped on the way out.
// The segments live in PathScope objects on the decoder's own call stack, linked to their
// parent, so pushing and popping cost a few stores and never allocate; the text is only built
// when a message needs it. Segment names are views: they must outlive the segment (string
// literals, or keys of the JSON document being decoded).
class DecodePath {
 public:
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);

  bool empty() const { return top_ == nullptr; }
  // Sets the index of the innermost segment (an element of the array it names).
  void set_index(size_t index) { top_->index = index; }

  // "resource_logs[0].scope_logs[1].log_records[3]"; "" at the top.
  std::string str() const;
  // "<path>: <what>", or `what` alone at the top of the request.
  std::string describe(std::string_view what) const;

 private:
  friend class PathScope;
  struct Segment {
    std::string_view name;
    size_t index;
    Segment* parent;
  };
  Segment* top_ = nullptr;
};

// GCC cannot see that ~PathScope unlinks the segment before it goes out of scope.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif

// Pushes a segment for the lifetime of the scope.
class PathScope {
 public:
  PathScope(DecodePath& path, std::string_view name, size_t index = DecodePath::kNoIndex)
      : path_(path), segment_{name, index, path.top_} {
    path_.top_ = &segment_;
  }
  ~PathScope() { path_.top_ = segment_.parent; }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  DecodePath& path_;
  DecodePath::Segment segment_;
};

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// Sets `id` from raw id bytes: empty input leaves it absent, N bytes set it. Returns false
// (leaving it absent) for any other length.
template <size_t N>
bool set_id_bytes(FixedId<N>& id, std::string_view raw) {
  id = FixedId<N>{};
  return raw.empty() || id.assign(raw);
}

// The value of a hex digit of either case, or -1.
inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Sets `id` from hex text (OTLP/JSON): "" leaves it absent, 2N hex digits of either case set
// it. Returns false (leaving it absent) for other lengths and non-hex characters.
template <size_t N>
bool set_id_hex(FixedId<N>& id, std::string_view hex) {
  id = FixedId<N>{};
  if (hex.empty()) return true;
  if (hex.size() != 2 * N) return false;
  FixedId<N> parsed;
  for (size_t i = 0; i < N; ++i) {
    int hi = hex_digit(hex[2 * i]);
    int lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    parsed.bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  id = parsed;
  return true;
}

}  // namespace weft::otlp
