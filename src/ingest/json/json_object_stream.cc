#include "ingest/json/json_object_stream.h"

#include <cstring>

namespace weft::ingest {

namespace {

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The position just past the string whose opening quote is at `quote`, or npos when it does
// not close. Jumps from quote to quote (memchr), checking the backslashes before each.
size_t end_of_string(std::string_view text, size_t quote) {
  size_t from = quote + 1;
  while (from < text.size()) {
    const void* found = std::memchr(text.data() + from, '"', text.size() - from);
    if (!found) return std::string_view::npos;
    size_t close = static_cast<size_t>(static_cast<const char*>(found) - text.data());
    size_t backslashes = 0;
    while (close - backslashes > quote + 1 && text[close - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return close + 1;  // not escaped
    from = close + 1;
  }
  return std::string_view::npos;
}

}  // namespace

void JsonObjectStream::skip_whitespace() {
  while (pos_ < text_.size() && is_json_whitespace(text_[pos_])) ++pos_;
}

bool JsonObjectStream::at_end() {
  skip_whitespace();
  return pos_ == text_.size();
}

JsonObjectStream::Next JsonObjectStream::next(std::string_view* object) {
  if (at_end()) return Next::kEnd;
  if (text_[pos_] != '{') return Next::kMalformed;
  size_t depth = 0;
  for (size_t i = pos_; i < text_.size();) {
    char c = text_[i];
    if (c == '"') {
      i = end_of_string(text_, i);
      if (i == std::string_view::npos) return Next::kMalformed;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      *object = text_.substr(pos_, i + 1 - pos_);
      pos_ = i + 1;
      return Next::kObject;
    }
    ++i;
  }
  return Next::kMalformed;
}

}  // namespace weft::ingest
