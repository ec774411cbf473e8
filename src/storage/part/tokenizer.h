// Tokens: the words that bloom filters index and that queries look up.
//
// A token is a maximal run of token bytes: ASCII letters, digits and '_', and every byte of
// 0x80 and above (so UTF-8 letters of any script stay inside tokens). Everything else
// separates tokens. Tokens are case-sensitive. "GET /api/v1/orders?id=42" has the tokens
// GET, api, v1, orders, id, 42.
//
// A query may require a token of a block only when every matching text must contain that
// token whole; phrase_tokens() works that out for the two kinds of match a query makes.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace weft::storage {

inline bool is_token_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// Calls fn(std::string_view token) for each token of `text`, in order.
template <typename Fn>
void for_each_token(std::string_view text, Fn&& fn) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    while (i < n && !is_token_byte(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < n && is_token_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) fn(text.substr(start, i - start));
  }
}

std::vector<std::string_view> tokenize(std::string_view text);

enum class PhraseMatch {
  kWholeValue,  // the phrase is a whole value (attribute equality): every token counts
  kSubstring,   // the phrase may sit inside a longer text (a line filter): a token touching
                // either end of the phrase may continue in the text, so it is left out
};
// The tokens every text matching `phrase` contains whole (deduplicated, in order).
std::vector<std::string> phrase_tokens(std::string_view phrase, PhraseMatch match);

// The hash of a token (XXH3-64, seed 0) that bloom filters store; trace ids are hashed the same
// way over their 16 raw bytes.
uint64_t token_hash(std::string_view token);

}  // namespace weft::storage
