#include "query/text_match.h"

namespace weft::query {

namespace {

inline unsigned char fold(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'A' && u <= 'Z') ? static_cast<unsigned char>(u + ('a' - 'A')) : u;
}

}  // namespace

CaseInsensitiveMatcher::CaseInsensitiveMatcher(std::string_view needle) {
  needle_.reserve(needle.size());
  for (char c : needle) needle_.push_back(static_cast<char>(fold(c)));
  auto m = static_cast<uint32_t>(needle_.size());
  skip_.fill(m);
  for (uint32_t i = 0; i + 1 < m; ++i) skip_[static_cast<unsigned char>(needle_[i])] = m - 1 - i;
}

bool CaseInsensitiveMatcher::contains(std::string_view haystack) const {
  const size_t m = needle_.size();
  if (m == 0) return true;
  if (haystack.size() < m) return false;
  const size_t last = m - 1;
  for (size_t pos = 0; pos + m <= haystack.size();) {
    unsigned char tail = fold(haystack[pos + last]);
    if (tail == static_cast<unsigned char>(needle_[last])) {
      size_t j = last;
      while (j > 0 && fold(haystack[pos + j - 1]) == static_cast<unsigned char>(needle_[j - 1])) --j;
      if (j == 0) return true;
    }
    pos += skip_[tail];
  }
  return false;
}

}  // namespace weft::query
