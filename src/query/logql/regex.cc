#include "query/logql/regex.h"

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

}  // namespace weft::logql
