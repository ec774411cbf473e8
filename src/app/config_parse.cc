// Value parsers for settings: sizes, durations, listen addresses.
#include <charconv>
#include <cctype>
#include <map>

#include "app/config.h"

namespace weft::app {

namespace {

struct Unit {
  std::string_view suffix;
  uint64_t factor;
};

Result<uint64_t> parse_unsigned(std::string_view digits) {
  uint64_t v = 0;
  if (digits.empty()) return Status::invalid("no digits");
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size()) return Status::invalid("not a number");
  return v;
}

Result<uint64_t> parse_with_units(std::string_view text, std::initializer_list<Unit> units,
                                  const char* what) {
  size_t split = 0;
  while (split < text.size() && std::isdigit(static_cast<unsigned char>(text[split]))) ++split;
  std::string_view digits = text.substr(0, split), suffix = text.substr(split);
  auto n = parse_unsigned(digits);
  for (const Unit& u : units) {
    if (suffix != u.suffix || !n.is_ok()) continue;
    if (*n > UINT64_MAX / u.factor) break;
    return *n * u.factor;
  }
  return Status::invalid(std::string("expected ") + what + ", got \"" + std::string(text) + "\"");
}

}  // namespace

Result<uint64_t> parse_size(std::string_view text) {
  return parse_with_units(text,
                          {{"", 1}, {"B", 1}, {"KiB", 1ull << 10}, {"MiB", 1ull << 20},
                           {"GiB", 1ull << 30}, {"TiB", 1ull << 40}, {"KB", 1000},
                           {"MB", 1000'000}, {"GB", 1000'000'000}},
                          "a size such as 512KiB, 20MiB or 2GiB");
}

Result<std::chrono::milliseconds> parse_duration(std::string_view text) {
  auto ms = parse_with_units(text, {{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}},
                             "a duration such as 500ms, 25s, 2m or 30d");
  if (!ms.is_ok()) return ms.status();
  return std::chrono::milliseconds(*ms);
}

Result<std::map<std::string, std::chrono::milliseconds, std::less<>>> parse_tenant_durations(
    std::string_view text) {
  std::map<std::string, std::chrono::milliseconds, std::less<>> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view pair = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    size_t eq = pair.find('=');
    if (eq == 0 || eq == std::string_view::npos)
      return Status::invalid("expected tenant=duration, got \"" + std::string(pair) + "\"");
    auto d = parse_duration(pair.substr(eq + 1));
    if (!d.is_ok()) return d.status();
    out[std::string(pair.substr(0, eq))] = *d;
  }
  return out;
}

Status validate_listen_address(std::string_view text) {
  if (text.empty()) return Status::ok();
  size_t colon = text.rfind(':');
  auto bad = [&] {
    return Status::invalid("expected host:port (port 0-65535) or \"\" to disable, got \"" +
                           std::string(text) + "\"");
  };
  if (colon == std::string_view::npos || colon == 0) return bad();
  auto port = parse_unsigned(text.substr(colon + 1));
  if (!port.is_ok() || *port > 65535) return bad();
  std::string_view host = text.substr(0, colon);
  if (host.front() == '[' && host.back() != ']') return bad();
  return Status::ok();
}

}  // namespace weft::app
