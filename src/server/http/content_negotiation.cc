#include "server/http/content_negotiation.h"

#include <charconv>
#include <strings.h>

namespace weft::server {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// The q-value of one list element's parameters ("q=0.5"); 1 when absent, 0 when malformed.
double q_value(std::string_view params) {
  while (!params.empty()) {
    size_t semi = params.find(';');
    std::string_view param = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    double q = 0;
    std::string_view digits = param.substr(2);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), q);
    return error == std::errc() && end == digits.data() + digits.size() ? q : 0;
  }
  return 1;
}

// Calls fn(element) for each comma-separated element, trimmed and non-empty.
template <typename Fn>
void for_each_element(std::string_view list, Fn fn) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view element = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (!element.empty()) fn(element);
  }
}

std::string_view without_weak_prefix(std::string_view tag) {
  return tag.starts_with("W/") ? tag.substr(2) : tag;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  bool gzip = false;
  bool refused = false;
  bool star = false;
  for_each_element(accept_encoding, [&](std::string_view element) {
    size_t semi = element.find(';');
    std::string_view coding = trim(element.substr(0, semi));
    double q = semi == std::string_view::npos ? 1 : q_value(element.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      gzip = gzip || q > 0;
      refused = refused || q <= 0;
    } else if (coding == "*") {
      star = q > 0;
    }
  });
  return gzip || (star && !refused);
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (etag.empty()) return false;
  bool match = false;
  for_each_element(if_none_match, [&](std::string_view tag) {
    match = match || tag == "*" || without_weak_prefix(tag) == without_weak_prefix(etag);
  });
  return match;
}

}  // namespace weft::server
