#include "otlp/decode_context.h"

#include <vector>

namespace weft::otlp {

std::string DecodePath::str() const {
  std::vector<const Segment*> outward;  // innermost first
  for (const Segment* s = top_; s != nullptr; s = s->parent) outward.push_back(s);
  std::string out;
  for (auto it = outward.rbegin(); it != outward.rend(); ++it) {
    if (!out.empty()) out += '.';
    out += (*it)->name;
    if ((*it)->index != kNoIndex) {
      out += '[';
      out += std::to_string((*it)->index);
      out += ']';
    }
  }
  return out;
}

std::string DecodePath::describe(std::string_view what) const {
  if (empty()) return std::string(what);
  std::string out = str();
  out += ": ";
  out += what;
  return out;
}

bool DecodeContext::fail(std::string_view what) {
  error_ = Status::invalid(path_.describe(what));
  return false;
}

void DecodeContext::reject_current(std::string reason) {
  if (reject_reason_.empty()) reject_reason_ = path_.describe(reason);
}

void DecodeReport::reject(std::string why) {
  ++rejected;
  if (message.empty()) message = std::move(why);
}

}  // namespace weft::otlp
