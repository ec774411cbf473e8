#include "loadgen/replay_rewriter.h"

#include <cstring>

namespace weft::loadgen {

namespace {

// A keyed hash of `bytes` (any length), folded 8 bytes at a time.
uint64_t hash_bytes(const uint8_t* bytes, size_t n, uint64_t key) {
  uint64_t h = mix64(key);
  for (size_t i = 0; i < n; i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, bytes + i, std::min<size_t>(8, n - i));
    h = mix64(h ^ chunk);
  }
  return h;
}

}  // namespace

ReplayRewriter::ReplayRewriter(uint64_t seed, UnixNanos now, int64_t spread_nanos)
    : seed_(seed), now_(now), spread_(spread_nanos), scrambler_(mix64(seed ^ 0x5eed)) {}

uint64_t ReplayRewriter::trace_key(const TraceId& id) {
  return hash_bytes(id.bytes.data(), id.bytes.size(), 0);
}

TraceId ReplayRewriter::fresh_trace_id(const TraceId& original, uint64_t cycle) const {
  TraceId out;
  if (!original.present()) return out;
  uint64_t key = mix64(seed_) ^ mix64(cycle + 1);
  uint64_t a = hash_bytes(original.bytes.data(), original.bytes.size(), key);
  uint64_t b = mix64(a ^ 0xA5A5A5A5u) | 1;  // never all zero
  std::memcpy(out.bytes.data(), &a, 8);
  std::memcpy(out.bytes.data() + 8, &b, 8);
  return out;
}

SpanId ReplayRewriter::fresh_span_id(const SpanId& original, uint64_t cycle) const {
  SpanId out;
  if (!original.present()) return out;
  uint64_t key = mix64(seed_ ^ 0x5A5A) ^ mix64(cycle + 1);
  uint64_t a = hash_bytes(original.bytes.data(), original.bytes.size(), key) | 1;
  std::memcpy(out.bytes.data(), &a, 8);
  return out;
}

UnixNanos ReplayRewriter::fresh_time(UnixNanos t, UnixNanos anchor, uint64_t group_key,
                                     uint64_t cycle) const {
  int64_t offset = 0;
  if (spread_ > 0)
    offset = static_cast<int64_t>(mix64(group_key ^ mix64(cycle ^ seed_)) %
                                  static_cast<uint64_t>(spread_));
  return now_ - offset + (t - anchor);
}

std::string ReplayRewriter::rewrite_text(std::string_view text,
                                         const std::vector<TextReplacement>& replacements) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t plain_start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const TextReplacement* hit = nullptr;
    for (const TextReplacement& r : replacements) {
      if (!r.first.empty() && text.compare(i, r.first.size(), r.first) == 0) {
        hit = &r;
        break;
      }
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    scrambler_.append_scrambled(out, text.substr(plain_start, i - plain_start));
    out += hit->second;
    i += hit->first.size();
    plain_start = i;
  }
  scrambler_.append_scrambled(out, text.substr(plain_start));
  return out;
}

}  // namespace weft::loadgen
