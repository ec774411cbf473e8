// RE2 regular expressions with Go's syntax, as LogQL uses them.
//
// Label matchers (=~, !~ in selectors and label filters) are fully anchored and let '.' match
// newlines (Prometheus's "^(?s:...)$"); line filters (|~, !~) and the regexp parser search
// anywhere in the line. Every regex runs in linear time (RE2), whatever the input.
// Thread safety: a compiled RE2 is immutable and may be shared by threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "common/status.h"

namespace weft::logql {

using RegexPtr = std::shared_ptr<const re2::RE2>;

// kInvalidArgument "error parsing regexp: <reason>: `<pattern>`" when it does not compile.
Result<RegexPtr> compile_anchored_regex(std::string_view pattern);
Result<RegexPtr> compile_search_regex(std::string_view pattern);

// The literal string a pattern matches exactly when it has no metacharacters ("abc"), so a
// matcher can compare strings instead of running the regex.
bool is_literal_regex(std::string_view pattern);

// Go's regexp Expand of a replacement: "$1", "${1}", "$name", "${name}", "$$" filled from
// the groups of a match (groups[0] is the whole match).
std::string expand_regex_template(const re2::RE2& re, std::string_view tmpl,
                                  const std::vector<re2::StringPiece>& groups);

}  // namespace weft::logql
