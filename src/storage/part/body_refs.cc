#include "storage/part/body_refs.h"

#include <array>
#include <cctype>

namespace weft::storage {

namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The texts references 1..4 stand for ("" for an absent id: never matched).
std::array<std::string, 5> referents(const TraceId& trace_id, const SpanId& span_id) {
  std::array<std::string, 5> r;
  if (trace_id.present()) r[1] = trace_id.hex(), r[3] = upper(r[1]);
  if (span_id.present()) r[2] = span_id.hex(), r[4] = upper(r[2]);
  return r;
}

}  // namespace

std::string encode_body_refs(std::string_view text, const TraceId& trace_id, const SpanId& span_id) {
  std::array<std::string, 5> ref = referents(trace_id, span_id);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == kBodyRefEscape) {
      out += kBodyRefEscape;
      out += '\0';
      ++i;
      continue;
    }
    int hit = 0;
    if (std::isxdigit(static_cast<unsigned char>(c))) {
      for (int k = 1; k <= 4 && hit == 0; ++k)
        if (!ref[k].empty() && text.compare(i, ref[k].size(), ref[k]) == 0) hit = k;
    }
    if (hit == 0) {
      out += c;
      ++i;
    } else {
      out += kBodyRefEscape;
      out += static_cast<char>(hit);
      i += ref[hit].size();
    }
  }
  return out;
}

bool decode_body_refs(std::string_view stored, const TraceId& trace_id, const SpanId& span_id, std::string* out) {
  out->clear();
  size_t esc = stored.find(kBodyRefEscape);
  if (esc == std::string_view::npos) {
    out->assign(stored);
    return true;
  }
  std::array<std::string, 5> ref = referents(trace_id, span_id);
  out->reserve(stored.size() + 64);
  size_t from = 0;
  while (esc != std::string_view::npos) {
    out->append(stored.substr(from, esc - from));
    if (esc + 1 == stored.size()) return false;
    auto code = static_cast<unsigned char>(stored[esc + 1]);
    if (code == 0) {
      *out += kBodyRefEscape;
    } else if (code <= 4 && !ref[code].empty()) {
      *out += ref[code];
    } else {
      return false;
    }
    from = esc + 2;
    esc = stored.find(kBodyRefEscape, from);
  }
  out->append(stored.substr(from));
  return true;
}

}  // namespace weft::storage
