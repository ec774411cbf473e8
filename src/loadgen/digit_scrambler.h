// DigitScrambler: re-randomises the digits inside replayed text, so that a record replayed many
// times is not a verbatim repeat ("took 153 ms" becomes "took 806 ms").
//
// Every ASCII digit is replaced by a pseudo-random digit; every other byte is kept, so the
// shape of the text (lengths, separators, words) is unchanged. Deterministic: the same seed
// and the same sequence of calls give the same output. Not thread-safe: one per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace weft::loadgen {

class DigitScrambler {
 public:
  explicit DigitScrambler(uint64_t seed) : state_(seed) {}

  // `text` with each digit replaced.
  std::string scramble(std::string_view text);
  // Appends `text`, digits replaced, to `out`.
  void append_scrambled(std::string& out, std::string_view text);

 private:
  char next_digit();

  uint64_t state_;
  uint64_t bits_ = 0;   // unused random bits of the last draw
  int bits_left_ = 0;   // how many 4-bit groups remain in bits_
};

// splitmix64: a fast, well-mixed 64-bit hash step, used for seeds and fresh ids.
uint64_t mix64(uint64_t x);

}  // namespace weft::loadgen
