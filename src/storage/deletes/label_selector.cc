#include "storage/deletes/label_selector.h"

#include <re2/re2.h>

#include <cctype>

namespace weft::storage {

namespace {

// A recursive-descent reader over the selector text.
class SelectorReader {
 public:
  explicit SelectorReader(std::string_view text) : text_(text) {}

  Result<LabelSelector> read() {
    LabelSelector out;
    skip_space();
    if (!eat("{")) return error("expected '{'");
    skip_space();
    while (!eat("}")) {
      if (!out.matchers.empty() && !eat(",")) return error("expected ',' or '}'");
      auto m = read_matcher();
      if (!m.is_ok()) return m.status();
      out.matchers.push_back(std::move(*m));
      skip_space();
    }
    if (out.matchers.empty()) return error("a selector needs at least one matcher");
    skip_space();
    if (eat("|=")) {
      skip_space();
      auto line = read_string();
      if (!line.is_ok()) return line.status();
      out.line_contains = std::move(*line);
      skip_space();
    }
    if (pos_ != text_.size()) return error("unexpected text after the selector");
    return out;
  }

 private:
  Result<LabelMatcher> read_matcher() {
    skip_space();
    LabelMatcher m;
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '_' || text_[pos_] == '.'))
      ++pos_;
    if (pos_ == start || std::isdigit(static_cast<unsigned char>(text_[start])))
      return error("expected a label name");
    m.name = std::string(text_.substr(start, pos_ - start));
    skip_space();
    if (eat("=~")) m.op = LabelMatcher::Op::kRegex;
    else if (eat("!~")) m.op = LabelMatcher::Op::kNotRegex;
    else if (eat("!=")) m.op = LabelMatcher::Op::kNotEqual;
    else if (eat("=")) m.op = LabelMatcher::Op::kEqual;
    else return error("expected =, !=, =~ or !~");
    skip_space();
    auto value = read_string();
    if (!value.is_ok()) return value.status();
    m.value = std::move(*value);
    if (m.op == LabelMatcher::Op::kRegex || m.op == LabelMatcher::Op::kNotRegex) {
      auto re = std::make_shared<re2::RE2>(m.value, re2::RE2::Quiet);
      if (!re->ok()) return error("bad regular expression: " + re->error());
      m.regex = std::move(re);
    }
    return m;
  }

  // A "double-quoted" string with \" \\ \n \t escapes, or a `raw` one.
  Result<std::string> read_string() {
    if (eat("`")) {
      size_t end = text_.find('`', pos_);
      if (end == std::string_view::npos) return error("unterminated string");
      std::string s(text_.substr(pos_, end - pos_));
      pos_ = end + 1;
      return s;
    }
    if (!eat("\"")) return error("expected a quoted string");
    std::string s;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        char e = text_[pos_++];
        c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
      }
      s += c;
    }
    if (!eat("\"")) return error("unterminated string");
    return s;
  }

  bool eat(std::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  Status error(const std::string& what) const {
    return Status::invalid("selector at position " + std::to_string(pos_) + ": " + what);
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool same_label(std::string_view key, std::string_view name) {
  if (key.size() != name.size()) return false;
  for (size_t i = 0; i < key.size(); ++i)
    if (key[i] != name[i] && !(key[i] == '.' && name[i] == '_')) return false;
  return true;
}

// The label's value: string attributes as they are (no copy), others rendered into `scratch`.
std::string_view label_value(const Resource* resource, std::string_view name, std::string& scratch) {
  if (resource == nullptr) return {};
  for (const KeyValue& kv : resource->attributes) {
    if (!same_label(kv.key, name)) continue;
    if (const std::string* s = kv.value.as_string()) return *s;
    scratch = any_value_to_text(kv.value);
    return scratch;
  }
  return {};
}

}  // namespace

bool LabelMatcher::matches(std::string_view v) const {
  switch (op) {
    case Op::kEqual: return v == value;
    case Op::kNotEqual: return v != value;
    case Op::kRegex: return re2::RE2::FullMatch(v, *regex);
    case Op::kNotRegex: return !re2::RE2::FullMatch(v, *regex);
  }
  return false;
}

bool LabelSelector::matches_labels(const Resource* resource) const {
  std::string scratch;
  for (const LabelMatcher& m : matchers)
    if (!m.matches(label_value(resource, m.name, scratch))) return false;
  return true;
}

Result<LabelSelector> parse_label_selector(std::string_view text) { return SelectorReader(text).read(); }

}  // namespace weft::storage
