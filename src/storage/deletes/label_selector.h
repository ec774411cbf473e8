// LabelSelector: the stream selector of a delete request, `{service_name="x", env=~"prod|dev"}`
// with an optional line filter `|= "text"`, in LogQL's syntax (docs/operations.md, "Delete by
// query"). Kept in this one file so the full LogQL parser can replace it.
//
// Matchers test resource attributes named as LogQL names them: an attribute matches a label
// name when its key equals it, or equals it once dots become underscores (service.name ->
// service_name). A missing attribute has the value "" (Prometheus semantics: {x=""} matches
// records without x). Regular expressions (RE2) are anchored at both ends. The line filter
// keeps records whose body (log records) or name (spans) contains the text.
//
// Thread safety: immutable after parse; share freely (RE2 is thread-safe for matching).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/resource.h"

namespace re2 {
class RE2;
}

namespace weft::storage {

struct LabelMatcher {
  enum class Op { kEqual, kNotEqual, kRegex, kNotRegex };
  std::string name;
  Op op = Op::kEqual;
  std::string value;
  std::shared_ptr<const re2::RE2> regex;  // for kRegex and kNotRegex

  bool matches(std::string_view label_value) const;
};

struct LabelSelector {
  std::vector<LabelMatcher> matchers;  // at least one
  std::string line_contains;           // "" = no line filter

  // Whether a record of `resource` whose text (body or span name) is `line` is selected.
  bool matches(const Resource* resource, std::string_view line) const {
    return matches_labels(resource) && matches_line(line);
  }
  bool matches_labels(const Resource* resource) const;
  bool matches_line(std::string_view line) const {
    return line_contains.empty() || line.find(line_contains) != std::string_view::npos;
  }
};

// kInvalidArgument with the position and what was expected.
Result<LabelSelector> parse_label_selector(std::string_view text);

}  // namespace weft::storage
