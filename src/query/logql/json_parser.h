// The JSON stages: `| json` (every scalar field, nested keys joined with '_'),
// `| json a="b.c[0]"` (chosen paths) and `| unpack` (string fields; "_entry" replaces the
// line). A line that is not JSON gets __error__="JSONParserErr" with the reason in
// __error_details__ and is kept.
// Thread safety: one instance per pipeline run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/pipeline_stage.h"

namespace weft::logql {

std::unique_ptr<PipelineStage> make_json_parser();
std::unique_ptr<PipelineStage> make_unpack_parser();
Result<std::unique_ptr<PipelineStage>> make_json_expression_parser(const std::vector<Extraction>& extractions);

struct JsonPathStep {
  bool is_index = false;
  size_t index = 0;
  std::string key;
};

// A JSON path of `| json label="expression"`: "a.b", "a[0].b", "a[\"key.with.dots\"]".
Result<std::vector<JsonPathStep>> parse_json_path(std::string_view expression);

}  // namespace weft::logql
