#include "model/ids.h"

#include "common/hex.h"

namespace weft {

template <size_t N>
std::string FixedId<N>::hex() const {
  return to_hex(view());
}

template <size_t N>
std::optional<FixedId<N>> FixedId<N>::from_hex(std::string_view hex) {
  FixedId id;
  if (!from_hex_into(hex, id.bytes.data(), N)) return std::nullopt;
  return id;
}

template struct FixedId<16>;
template struct FixedId<8>;

}  // namespace weft
