#include "query/logql/pattern.h"

#include <cctype>
#include <set>

namespace weft::logql {

namespace {

// The length of a capture "<name>" at text[i], or 0.
size_t capture_length(std::string_view text, size_t i) {
  if (text[i] != '<' || i + 2 >= text.size()) return 0;
  unsigned char first = static_cast<unsigned char>(text[i + 1]);
  if (!std::isalpha(first) && first != '_') return 0;
  size_t j = i + 2;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
  if (j >= text.size() || text[j] != '>') return 0;
  return j - i + 1;
}

}  // namespace

Result<Pattern> Pattern::parse(std::string_view text) {
  Pattern p;
  std::string literal;
  for (size_t i = 0; i < text.size();) {
    size_t n = capture_length(text, i);
    if (n == 0) {
      literal += text[i++];
      continue;
    }
    if (!literal.empty()) p.parts_.push_back({false, std::move(literal)});
    literal.clear();
    std::string name(text.substr(i + 1, n - 2));
    if (!p.parts_.empty() && p.parts_.back().capture)
      return Status::invalid("found consecutive capture '<" + p.parts_.back().text + "><" + name +
                             ">': invalid expression");
    p.parts_.push_back({true, name});
    i += n;
  }
  if (!literal.empty()) p.parts_.push_back({false, std::move(literal)});
  for (const auto& part : p.parts_)
    if (part.capture && part.text != "_") p.names_.push_back(part.text);
  return p;
}

Result<Pattern> Pattern::parse_for_extraction(std::string_view text) {
  auto p = parse(text);
  if (!p.is_ok()) return p;
  if (p->names_.empty()) return Status::invalid("at least one capture is required");
  std::set<std::string> seen;
  for (const auto& n : p->names_)
    if (!seen.insert(n).second)
      return Status::invalid("duplicate capture name (" + n + "): invalid expression");
  return p;
}

Result<Pattern> Pattern::parse_for_filter(std::string_view text) {
  auto p = parse(text);
  if (!p.is_ok()) return p;
  if (!p->names_.empty())
    return Status::invalid("named captures are not allowed: found '<" + p->names_[0] + ">'");
  return p;
}

bool Pattern::extract(std::string_view in, std::vector<std::string_view>& values) const {
  values.clear();
  if (in.empty() || parts_.empty()) return false;
  size_t k = 0;
  if (!parts_[0].capture) {
    if (in.substr(0, parts_[0].text.size()) != parts_[0].text) return false;
    in.remove_prefix(parts_[0].text.size());
    k = 1;
  }
  while (k < parts_.size()) {
    const Part& capture = parts_[k];
    bool named = capture.text != "_";
    if (k + 1 == parts_.size()) {
      if (named) values.push_back(in);
      return true;
    }
    const std::string& literal = parts_[k + 1].text;
    size_t at = in.find(literal);
    if (at == std::string_view::npos) {
      if (named) values.push_back(in);
      return true;
    }
    if (named) values.push_back(in.substr(0, at));
    in.remove_prefix(at + literal.size());
    k += 2;
  }
  return true;
}

bool Pattern::test(std::string_view in) const {
  if (in.empty() || parts_.empty()) return in.empty() && parts_.empty();
  size_t off = 0;
  for (size_t i = 0; i < parts_.size(); ++i) {
    if (parts_[i].capture) continue;
    size_t j = in.substr(off).find(parts_[i].text);
    if (j == std::string_view::npos) return false;
    if (i != 0 && j == 0) return false;  // an empty capture before this literal
    off += j + parts_[i].text.size();
  }
  bool ends_with_capture = parts_.back().capture;
  bool has_rest = off != in.size();
  return ends_with_capture == has_rest;
}

}  // namespace weft::logql
