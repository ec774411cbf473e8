// TokenSet: the distinct token hashes of one column of one block, gathered while the block is
// encoded, to size and fill its bloom filter.
//
// An open-addressing set of 64-bit hashes (faster than sorting the hundreds of thousands of
// token occurrences a large block has).
//
// Thread safety: none; one per encoding thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/part/tokenizer.h"

namespace weft::storage {

class TokenSet {
 public:
  void add_hash(uint64_t h);
  // Adds every token of `text`.
  void add_tokens(std::string_view text) {
    for_each_token(text, [this](std::string_view t) { add_hash(token_hash(t)); });
  }
  // Adds `value` as one token (ids).
  void add_whole(std::string_view value) { add_hash(token_hash(value)); }

  bool empty() const { return hashes_.empty(); }
  const std::vector<uint64_t>& hashes() const { return hashes_; }  // distinct, in insertion order

 private:
  void grow();

  std::vector<uint64_t> slots_;   // 0 = free (a hash of 0 is kept in has_zero_)
  std::vector<uint64_t> hashes_;
  bool has_zero_ = false;
};

}  // namespace weft::storage
