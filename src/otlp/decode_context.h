// Pieces shared by the protobuf and JSON decoders of OTLP requests: DecodePath, which tracks
// where the decoder is for error messages ("resource_logs[0].scope_logs[1].log_records[3]"),
// and the id rules that decide whether a record is kept or rejected.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.h"

namespace weft::otlp {

// A stack of path segments, pushed on the way into a message and popped on the way out.
// Pushing and popping allocate nothing once the stack has grown to the request's depth; the
// text is only built when a message needs it. Segment names must be string literals.
class DecodePath {
 public:
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);

  void push(const char* name, size_t index = kNoIndex) { segments_.push_back({name, index}); }
  void pop() { segments_.pop_back(); }
  bool empty() const { return segments_.empty(); }

  // "resource_logs[0].scope_logs[1].log_records[3]"; "" at the top.
  std::string str() const;
  // "<path>: <what>", or `what` alone at the top of the request.
  std::string describe(std::string_view what) const;

 private:
  struct Segment {
    const char* name;
    size_t index;
  };
  std::vector<Segment> segments_;
};

// Pushes a segment for the lifetime of the scope.
class PathScope {
 public:
  PathScope(DecodePath& path, const char* name, size_t index = DecodePath::kNoIndex)
      : path_(path) {
    path_.push(name, index);
  }
  ~PathScope() { path_.pop(); }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  DecodePath& path_;
};

// Sets `id` from raw id bytes: empty input leaves it absent, N bytes set it. Returns false
// (leaving it absent) for any other length.
template <size_t N>
bool set_id_bytes(FixedId<N>& id, std::string_view raw) {
  id = FixedId<N>{};
  return raw.empty() || id.assign(raw);
}

// Sets `id` from hex text (OTLP/JSON): "" leaves it absent, 2N hex digits of either case set
// it. Returns false (leaving it absent) for other lengths and non-hex characters.
template <size_t N>
bool set_id_hex(FixedId<N>& id, std::string_view hex) {
  id = FixedId<N>{};
  if (hex.empty()) return true;
  auto parsed = FixedId<N>::from_hex(hex);
  if (!parsed) return false;
  id = *parsed;
  return true;
}

}  // namespace weft::otlp
