// The functions templates may call: Go's builtins (printf, eq, len, not, ...), Loki's own
// (ToUpper, Replace, regexReplaceAll, __line__, __timestamp__, unixToTime, alignLeft, ...) and
// the sprig functions Loki enables (default, substr, trunc, add, date, ...), with the
// argument order and conversions those libraries use.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/logql/template_value.h"

namespace weft::logql {

struct FunctionContext {
  std::string_view line;   // __line__
  int64_t timestamp = 0;   // __timestamp__
};

// kInvalidArgument (the message Go would give after "error calling <name>: ") on bad
// arguments. `name` must exist (template_function_exists).
Result<TemplateValue> call_template_function(const std::string& name, std::vector<TemplateValue>& args,
                                             const FunctionContext& context);

// Go's fmt.Sprintf for the verbs templates use: %s %v %d %f %e %g %q %x %X %t %c %%, with
// flags, width and precision.
std::string go_sprintf(std::string_view format, const std::vector<TemplateValue>& args);

}  // namespace weft::logql
