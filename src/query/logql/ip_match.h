// IpMatcher: the ip("...") of line and label filters - one address ("10.0.0.1", "::1"), a
// CIDR block ("10.0.0.0/8") or an inclusive range ("10.0.0.1-10.0.0.9"), IPv4 or IPv6.
// Thread safety: immutable after parse.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "common/status.h"

namespace weft::logql {

class IpMatcher {
 public:
  static Result<IpMatcher> parse(std::string_view pattern);

  // Whether `text` is exactly an address in the set.
  bool matches_value(std::string_view text) const;
  // Whether the line holds an address in the set (addresses are found by their shape).
  bool matches_in_line(std::string_view line) const;

 private:
  using Addr = std::array<uint8_t, 16>;  // IPv4 as ::ffff:a.b.c.d
  static bool parse_addr(std::string_view text, Addr& out, bool& v4);
  bool contains(const Addr& a) const { return a >= low_ && a <= high_; }

  Addr low_{};
  Addr high_{};
};

}  // namespace weft::logql
