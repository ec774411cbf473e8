#include "storage/wal/wal_format.h"

// Inlined: the streaming state is a stack object and the hash is on the hot path.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>

namespace weft::storage::wal_format {

void put_u32(char* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

uint32_t get_u32(const char* in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return v;
}

std::string segment_file_name(uint64_t sequence) {
  std::string digits = std::to_string(sequence);
  std::string name(kSegmentNameDigits - digits.size(), '0');
  name += digits;
  name += kSegmentSuffix;
  return name;
}

std::optional<uint64_t> parse_segment_file_name(std::string_view name) {
  if (name.size() != kSegmentNameDigits + kSegmentSuffix.size()) return std::nullopt;
  if (name.substr(kSegmentNameDigits) != kSegmentSuffix) return std::nullopt;
  uint64_t v = 0;
  for (char c : name.substr(0, kSegmentNameDigits)) {
    if (c < '0' || c > '9') return std::nullopt;
    uint64_t next = v * 10 + static_cast<uint64_t>(c - '0');
    if (next / 10 != v) return std::nullopt;  // overflow
    v = next;
  }
  return v;
}

uint32_t entry_checksum(std::string_view payload) {
  char length[4];
  put_u32(length, static_cast<uint32_t>(payload.size()));
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, length, sizeof(length));
  XXH3_64bits_update(&state, payload.data(), payload.size());
  return static_cast<uint32_t>(XXH3_64bits_digest(&state));
}

EntryHeader encode_entry_header(std::string_view payload) {
  EntryHeader h;
  put_u32(h.data(), static_cast<uint32_t>(payload.size()));
  put_u32(h.data() + 4, entry_checksum(payload));
  return h;
}

SegmentHeader encode_segment_header() {
  SegmentHeader h;
  std::memcpy(h.data(), kMagic.data(), kMagic.size());
  put_u32(h.data() + 8, kVersion);
  put_u32(h.data() + 12, static_cast<uint32_t>(XXH3_64bits(h.data(), 12)));
  return h;
}

}  // namespace weft::storage::wal_format
