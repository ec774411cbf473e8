// CaseInsensitiveMatcher: "does this text contain that needle", ignoring ASCII case.
//
// Boyer-Moore-Horspool over ASCII-folded bytes: the needle is folded and its skip table built
// once, so testing many haystacks costs about one pass over each, usually less. Bytes outside
// ASCII (UTF-8 sequences) compare exactly.
//
// Thread safety: immutable after construction; contains() may run from many threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace weft::query {

class CaseInsensitiveMatcher {
 public:
  explicit CaseInsensitiveMatcher(std::string_view needle);

  // True when `haystack` contains the needle; always true for an empty needle.
  bool contains(std::string_view haystack) const;

 private:
  std::string needle_;                  // folded to lower case
  std::array<uint32_t, 256> skip_{};    // Horspool shift by folded byte
};

}  // namespace weft::query
