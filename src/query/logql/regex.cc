#include "query/logql/regex.h"

#include <algorithm>
#include <cctype>

namespace weft::logql {

namespace {

Result<RegexPtr> compile(const std::string& full, std::string_view pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto re = std::make_shared<re2::RE2>(full, options);
  if (!re->ok())
    return Status::invalid("error parsing regexp: " + re->error() + ": `" + std::string(pattern) + "`");
  return RegexPtr(std::move(re));
}

}  // namespace

Result<RegexPtr> compile_anchored_regex(std::string_view pattern) {
  // Check the pattern alone first so an error names the user's text, not the wrapper.
  auto plain = compile(std::string(pattern), pattern);
  if (!plain.is_ok()) return plain;
  return compile("^(?s:" + std::string(pattern) + ")$", pattern);
}

Result<RegexPtr> compile_search_regex(std::string_view pattern) {
  return compile(std::string(pattern), pattern);
}

bool is_literal_regex(std::string_view pattern) {
  for (char c : pattern) {
    switch (c) {
      case '.': case '*': case '+': case '?': case '(': case ')': case '[': case ']':
      case '{': case '}': case '|': case '^': case '$': case '\\':
        return false;
      default:
        break;
    }
  }
  return true;
}

// Go's regexp Expand for "$1", "${1}", "$name", "${name}", "$$".
std::string expand_regex_template(const re2::RE2& re, std::string_view tmpl, const std::vector<re2::StringPiece>& groups) {
  std::string out;
  const auto& names = re.NamedCapturingGroups();
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '$' || i + 1 >= tmpl.size()) {
      out += tmpl[i];
      continue;
    }
    if (tmpl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string name;
    size_t next;
    if (tmpl[i + 1] == '{') {
      size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += tmpl[i];
        continue;
      }
      name = std::string(tmpl.substr(i + 2, close - i - 2));
      next = close;
    } else {
      size_t j = i + 1;
      while (j < tmpl.size() && (std::isalnum(static_cast<unsigned char>(tmpl[j])) || tmpl[j] == '_')) ++j;
      if (j == i + 1) {
        out += tmpl[i];
        continue;
      }
      name = std::string(tmpl.substr(i + 1, j - i - 1));
      next = j - 1;
    }
    int index = -1;
    bool numeric = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (numeric) index = std::stoi(name);
    else if (auto it = names.find(name); it != names.end()) index = it->second;
    if (index >= 0 && index < static_cast<int>(groups.size())) out.append(groups[index].data(), groups[index].size());
    i = next;
  }
  return out;
}


}  // namespace weft::logql
