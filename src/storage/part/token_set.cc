#include "storage/part/token_set.h"

namespace weft::storage {

void TokenSet::add_hash(uint64_t h) {
  if (h == 0) {
    if (!has_zero_) has_zero_ = true, hashes_.push_back(0);
    return;
  }
  if ((hashes_.size() + 1) * 2 > slots_.size()) grow();
  size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return;
    if (slots_[i] == 0) {
      slots_[i] = h;
      hashes_.push_back(h);
      return;
    }
  }
}

void TokenSet::grow() {
  size_t capacity = slots_.empty() ? 256 : slots_.size() * 2;
  slots_.assign(capacity, 0);
  size_t mask = capacity - 1;
  for (uint64_t h : hashes_) {
    if (h == 0) continue;
    size_t i = static_cast<size_t>(h) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = h;
  }
}

}  // namespace weft::storage
