// The formatting stages: `| line_format "{{.msg}}"` rewrites the line from a template, and
// `| label_format a=b, c="{{.x}}"` renames labels or sets them from templates. A template that
// fails on a line leaves it as it was and marks it __error__="TemplateFormatErr".
// Thread safety: one instance per pipeline run.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/pipeline_stage.h"

namespace weft::logql {

Result<std::unique_ptr<PipelineStage>> make_line_format(std::string_view tmpl);
Result<std::unique_ptr<PipelineStage>> make_label_format(const std::vector<LabelFormatItem>& items);

}  // namespace weft::logql
