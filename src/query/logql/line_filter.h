// LineFilter: a compiled line filter stage (|= != |~ !~ |> !>, with `or` alternatives and
// ip("...") terms). Substring filters are byte searches; a regex that is a plain literal, or
// (?i) and a literal, becomes a (case-insensitive) search; other regexes run with RE2.
// Thread safety: immutable after compile.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/ip_match.h"
#include "query/logql/pattern.h"
#include "query/logql/regex.h"

namespace weft::logql {

class LineFilter {
 public:
  static Result<LineFilter> compile(const LineFilterStage& stage);

  bool matches(std::string_view line) const;
  // The strings every line passing this filter contains (case-sensitive): a positive filter
  // with a single literal term. Adds nothing otherwise.
  void required_substrings(std::vector<std::string>& out) const;

 private:
  struct Term {
    enum class Kind { kContains, kContainsFold, kRegex, kPattern, kIp } kind = Kind::kContains;
    std::string literal;  // kContains; lower-case for kContainsFold
    RegexPtr regex;
    std::optional<Pattern> pattern;
    std::optional<IpMatcher> ip;
    bool matches(std::string_view line) const;
  };

  bool negative_ = false;
  std::vector<Term> terms_;
};

// Whether `needle` occurs in `haystack`: memchr for the needle's first byte, then a compare
// (faster than memmem on log-line-sized haystacks).
bool contains_bytes(std::string_view haystack, std::string_view needle);

// Case-insensitive (ASCII) search of a lower-case needle.
bool contains_fold(std::string_view haystack, std::string_view lower_needle);

}  // namespace weft::logql
