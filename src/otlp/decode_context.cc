#include "otlp/decode_context.h"

#include "otlp/otlp_decode.h"

namespace weft::otlp {

std::string DecodePath::str() const {
  std::string out;
  for (const Segment& s : segments_) {
    if (!out.empty()) out += '.';
    out += s.name;
    if (s.index != kNoIndex) {
      out += '[';
      out += std::to_string(s.index);
      out += ']';
    }
  }
  return out;
}

std::string DecodePath::describe(std::string_view what) const {
  if (segments_.empty()) return std::string(what);
  std::string out = str();
  out += ": ";
  out += what;
  return out;
}

void DecodeReport::reject(std::string why) {
  ++rejected;
  if (message.empty()) message = std::move(why);
}

}  // namespace weft::otlp
