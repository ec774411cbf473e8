#include "loadgen/digit_scrambler.h"

namespace weft::loadgen {

uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

char DigitScrambler::next_digit() {
  if (bits_left_ == 0) {
    state_ += 0x9E3779B97F4A7C15ull;
    bits_ = mix64(state_);
    bits_left_ = 16;
  }
  // Four bits give 0..15; mod 10 is slightly uneven, which does not matter for load.
  char digit = static_cast<char>('0' + (bits_ & 0xF) % 10);
  bits_ >>= 4;
  --bits_left_;
  return digit;
}

void DigitScrambler::append_scrambled(std::string& out, std::string_view text) {
  for (char c : text) out.push_back(c >= '0' && c <= '9' ? next_digit() : c);
}

std::string DigitScrambler::scramble(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_scrambled(out, text);
  return out;
}

}  // namespace weft::loadgen
