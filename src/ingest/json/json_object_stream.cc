#include "ingest/json/json_object_stream.h"

namespace weft::ingest {

namespace {

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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
  bool in_string = false;
  for (size_t i = pos_; i < text_.size(); ++i) {
    char c = text_[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      *object = text_.substr(pos_, i + 1 - pos_);
      pos_ = i + 1;
      return Next::kObject;
    }
  }
  return Next::kMalformed;
}

}  // namespace weft::ingest
