#include "ingest/http/media_type.h"

#include <algorithm>
#include <cctype>

namespace weft::ingest {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool same_letter(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

}  // namespace

std::string_view media_type(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && is_blank(content_type.front())) content_type.remove_prefix(1);
  while (!content_type.empty() && is_blank(content_type.back())) content_type.remove_suffix(1);
  return content_type;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_letter);
}

bool contains_ignore_case(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(), same_letter) !=
         text.end();
}

}  // namespace weft::ingest
