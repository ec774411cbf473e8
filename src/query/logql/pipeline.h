// Pipeline: the compiled stages of a log selector, run on one line at a time.
//
//   Pipeline p = *Pipeline::compile(selector.stages);
//   state.labels.reset(row); state.line = row.line; state.time = row.time;
//   if (p.run(state)) ... the line and labels survived every stage
//
// compile() reports what Loki reports when building a pipeline (bad regex, bad pattern,
// bad template) as kInvalidArgument. required_substrings() are hints for the LogSource:
// strings that every line surviving the pipeline contains in its stored form.
//
// Not thread-safe: compile one pipeline per query run (stages keep scratch buffers).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "query/logql/ast.h"
#include "query/logql/pipeline_stage.h"

namespace weft::logql {

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> compile(const std::vector<Stage>& stages);

  bool run(LineState& state) {
    for (auto& stage : stages_)
      if (!stage->process(state)) return false;
    return true;
  }

  const std::vector<std::string>& required_substrings() const { return required_; }
  bool empty() const { return stages_.empty(); }

 private:
  std::vector<std::unique_ptr<PipelineStage>> stages_;
  std::vector<std::string> required_;
};

// Compiles label filters (the post filters of an unwrap) into one stage each.
Result<std::vector<std::unique_ptr<PipelineStage>>> compile_label_filters(
    const std::vector<std::shared_ptr<const LabelFilterExpr>>& filters);

// Removes ANSI escape sequences (colors, cursor moves) from a line.
std::string decolorize(std::string_view line);

}  // namespace weft::logql
