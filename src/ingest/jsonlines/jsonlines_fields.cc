#include "ingest/jsonlines/jsonlines_fields.h"

namespace weft::ingest {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::vector<std::string>> parse_field_list(std::string_view text) {
  const std::string_view original = text;
  std::vector<std::string> names;
  while (true) {
    size_t comma = text.find(',');
    std::string_view name = trim(text.substr(0, comma));
    if (name.empty())
      return Status::invalid("expected comma-separated field names, got \"" +
                             std::string(original) + "\"");
    names.emplace_back(name);
    if (comma == std::string_view::npos) return names;
    text.remove_prefix(comma + 1);
  }
}

std::string join_field_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ",") + name;
  return out;
}

}  // namespace weft::ingest
