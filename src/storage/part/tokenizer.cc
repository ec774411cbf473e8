#include "storage/part/tokenizer.h"

#include <algorithm>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace weft::storage {

std::vector<std::string_view> tokenize(std::string_view text) {
  std::vector<std::string_view> out;
  for_each_token(text, [&](std::string_view t) { out.push_back(t); });
  return out;
}

std::vector<std::string> phrase_tokens(std::string_view phrase, PhraseMatch match) {
  std::vector<std::string> out;
  for_each_token(phrase, [&](std::string_view t) {
    if (match == PhraseMatch::kSubstring) {
      bool at_start = t.data() == phrase.data();
      bool at_end = t.data() + t.size() == phrase.data() + phrase.size();
      if (at_start || at_end) return;
    }
    if (std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
  });
  return out;
}

uint64_t token_hash(std::string_view token) { return XXH3_64bits(token.data(), token.size()); }

}  // namespace weft::storage
