// The regexp and pattern parser stages: `| regexp "(?P<name>...)"` (RE2 named groups; a line
// that does not match gets no labels) and `| pattern "<ip> <_> <path>"` (pattern.h).
// Thread safety: one instance per pipeline run.
#pragma once

#include <memory>
#include <string_view>

#include "common/status.h"
#include "query/logql/pipeline_stage.h"

namespace weft::logql {

Result<std::unique_ptr<PipelineStage>> make_regexp_parser(std::string_view regex);
Result<std::unique_ptr<PipelineStage>> make_pattern_parser(std::string_view pattern);

}  // namespace weft::logql
