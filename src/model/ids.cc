#include "model/ids.h"

#include "common/hex.h"

namespace weft {

template <size_t N>
std::string FixedId<N>::hex() const {
  return to_hex(view());
}

template <size_t N>
std::optional<FixedId<N>> FixedId<N>::from_hex(std::string_view hex) {
  if (hex.size() != 2 * N) return std::nullopt;
  auto raw = weft::from_hex(hex);
  if (!raw) return std::nullopt;
  FixedId id;
  id.assign(*raw);
  return id;
}

template struct FixedId<16>;
template struct FixedId<8>;

}  // namespace weft
