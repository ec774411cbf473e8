#include "query/logql/ip_match.h"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>
#include <cstring>
#include <string>

namespace weft::logql {

namespace {

Status bad_pattern(std::string_view p) {
  return Status::invalid("ip: invalid pattern \"" + std::string(p) + "\"");
}

bool is_ip_char(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':';
}

}  // namespace

bool IpMatcher::parse_addr(std::string_view text, Addr& out, bool& v4) {
  std::string s(text);
  out.fill(0);
  if (s.find(':') == std::string::npos) {
    in_addr a;
    if (inet_pton(AF_INET, s.c_str(), &a) != 1) return false;
    out[10] = 0xff;
    out[11] = 0xff;
    std::memcpy(out.data() + 12, &a, 4);
    v4 = true;
    return true;
  }
  in6_addr a;
  if (inet_pton(AF_INET6, s.c_str(), &a) != 1) return false;
  std::memcpy(out.data(), &a, 16);
  v4 = false;
  return true;
}

Result<IpMatcher> IpMatcher::parse(std::string_view pattern) {
  IpMatcher m;
  bool v4 = false;
  if (size_t dash = pattern.find('-'); dash != std::string_view::npos) {
    bool v4b = false;
    if (!parse_addr(pattern.substr(0, dash), m.low_, v4) ||
        !parse_addr(pattern.substr(dash + 1), m.high_, v4b) || v4 != v4b || m.high_ < m.low_)
      return bad_pattern(pattern);
    return m;
  }
  if (size_t slash = pattern.find('/'); slash != std::string_view::npos) {
    if (!parse_addr(pattern.substr(0, slash), m.low_, v4)) return bad_pattern(pattern);
    int bits = -1;
    std::string_view b = pattern.substr(slash + 1);
    auto [p, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
    int max_bits = v4 ? 32 : 128;
    if (ec != std::errc() || p != b.data() + b.size() || bits < 0 || bits > max_bits)
      return bad_pattern(pattern);
    int total = v4 ? bits + 96 : bits;
    m.high_ = m.low_;
    for (int i = 0; i < 128; ++i) {
      if (i < total) continue;
      uint8_t bit = static_cast<uint8_t>(0x80 >> (i % 8));
      m.low_[i / 8] &= static_cast<uint8_t>(~bit);
      m.high_[i / 8] |= bit;
    }
    return m;
  }
  if (!parse_addr(pattern, m.low_, v4)) return bad_pattern(pattern);
  m.high_ = m.low_;
  return m;
}

bool IpMatcher::matches_value(std::string_view text) const {
  Addr a;
  bool v4;
  return parse_addr(text, a, v4) && contains(a);
}

bool IpMatcher::matches_in_line(std::string_view line) const {
  for (size_t i = 0; i < line.size();) {
    if (!is_ip_char(line[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && is_ip_char(line[j])) ++j;
    std::string_view token = line.substr(i, j - i);
    // Trim punctuation that cannot end an address (a sentence's final dot, "host:").
    while (!token.empty() && (token.back() == '.' || (token.back() == ':' && token.find("::") == std::string_view::npos)))
      token.remove_suffix(1);
    if (token.size() >= 2 && matches_value(token)) return true;
    i = j;
  }
  return false;
}

}  // namespace weft::logql
