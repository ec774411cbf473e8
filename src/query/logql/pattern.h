// Patterns of the pattern parser and of the |> / !> line filters: literal text with
// captures, "<ip> - - [<_>] \"<method> <path> <_>\"". A capture is <name> (letters, digits,
// underscores, not starting with a digit) or <_> (matched but not kept); everything else is
// literal. Two captures may not be adjacent.
//
// Extraction (the parser): the line must start with the leading literal if there is one;
// each capture takes the text up to the next occurrence of the literal after it (or the rest
// of the line). Test (the filter): every literal occurs in order (the first anywhere), no
// capture is empty, and a pattern ending with a literal must end the line.
//
// Thread safety: immutable after parse; share freely.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace weft::logql {

class Pattern {
 public:
  // For the parser: at least one named capture, names unique.
  static Result<Pattern> parse_for_extraction(std::string_view text);
  // For line filters: no named captures.
  static Result<Pattern> parse_for_filter(std::string_view text);

  // Captured values of named captures, in order of names(); false when the leading literal
  // does not match (nothing is captured then).
  bool extract(std::string_view line, std::vector<std::string_view>& values) const;
  bool test(std::string_view line) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  struct Part {
    bool capture = false;
    std::string text;  // literal text, or capture name ("_" for unnamed)
  };
  static Result<Pattern> parse(std::string_view text);

  std::vector<Part> parts_;
  std::vector<std::string> names_;
};

}  // namespace weft::logql
