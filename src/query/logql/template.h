// Template: the Go text/template subset that line_format and label_format use.
//
//   text, {{ .label }}, {{ . }}, {{ $ }}, {{- trimmed -}}, {{/* comments */}},
//   pipelines {{ .a | ToUpper | printf "%-8s" }}, calls {{ printf "%s=%d" .k 3 }},
//   parenthesized arguments, literals ("s", `raw`, 'c', 12, 1.5, true, false, nil),
//   variables {{ $x := .a }}{{ $x }}, control {{ if }} {{ else if }} {{ else }} {{ with }}
//   {{ end }}, and Loki's function set (template_funcs.cc): ToUpper, ToLower, Replace,
//   Trim*, printf, default, substr, trunc, regexReplaceAll, date, __line__,
//   __timestamp__, arithmetic, comparisons, ...
//
// The data is the line's labels: {{ .x }} is the label's value, "" when absent.
// Parse errors read like Go's ("template: line:1: function \"x\" not defined").
// Thread safety: a parsed Template is immutable; execute() may run concurrently.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/logql/template_value.h"

namespace weft::logql {

struct TemplateNode;

// What a template sees while running: labels by name, the current line and timestamp.
struct TemplateContext {
  std::function<std::optional<std::string_view>(std::string_view)> label;
  std::function<std::vector<std::pair<std::string, std::string>>()> all_labels;  // for {{ . }}
  std::string_view line;
  int64_t timestamp = 0;
};

class Template {
 public:
  // `name` appears in errors ("line", "label").
  static Result<Template> parse(std::string_view text, std::string_view name);

  Status execute(const TemplateContext& context, std::string& out) const;

  // When the template is exactly {{ .label }}: that label's name (a fast path).
  const std::string& simple_field() const { return simple_field_; }

 private:
  std::shared_ptr<const TemplateNode> root_;
  std::string name_;
  std::string simple_field_;
};

}  // namespace weft::logql
