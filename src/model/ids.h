// TraceId and SpanId: fixed-size byte ids. All zero bytes means "absent", as in OTLP.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace weft {

template <size_t N>
struct FixedId {
  std::array<uint8_t, N> bytes{};

  static constexpr size_t kSize = N;
  bool present() const {
    for (uint8_t b : bytes)
      if (b != 0) return true;
    return false;
  }
  std::string_view view() const {
    return {reinterpret_cast<const char*>(bytes.data()), N};
  }
  // Copies exactly N raw bytes; returns false (and leaves the id absent) for other lengths.
  bool assign(std::string_view raw) {
    if (raw.size() != N) return false;
    std::memcpy(bytes.data(), raw.data(), N);
    return true;
  }
  std::string hex() const;
  // Parses 2N hex characters (either case).
  static std::optional<FixedId> from_hex(std::string_view hex);

  bool operator==(const FixedId&) const = default;
};

using TraceId = FixedId<16>;
using SpanId = FixedId<8>;

struct TraceIdHash {
  size_t operator()(const TraceId& id) const {
    uint64_t a, b;
    std::memcpy(&a, id.bytes.data(), 8);
    std::memcpy(&b, id.bytes.data() + 8, 8);
    return static_cast<size_t>(a ^ (b * 0x9E3779B97F4A7C15ull));
  }
};

}  // namespace weft
