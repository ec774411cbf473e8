// PipelineStage: one compiled stage of a log pipeline (a line filter, a parser, a label
// filter, a formatter, drop/keep), and LineState, the line and labels it works on.
//
// Stages are created per query run and keep scratch buffers between rows: not thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/time.h"
#include "query/logql/labels_builder.h"

namespace weft::logql {

struct LineState {
  UnixNanos time = 0;
  std::string_view line;
  LabelsBuilder labels;

  // Replaces the line (the new text may be built from the old view).
  void set_line(std::string text) {
    owned_.swap(text);
    line = owned_;
  }

 private:
  std::string owned_;
};

class PipelineStage {
 public:
  virtual ~PipelineStage() = default;
  // Processes one line; false drops it.
  virtual bool process(LineState& state) = 0;
};

// The name a parser gives an extracted key: Loki's sanitizing (characters outside
// [a-zA-Z0-9_] become '_', a leading digit gets a '_' prefix, surrounding spaces go), and
// "_extracted" appended when the stream or structured metadata already have the name.
std::string parsed_label_name(std::string_view key, LabelsBuilder& labels);
// Loki's sanitizeLabelKey alone ("" stays "").
std::string sanitize_parsed_key(std::string_view key);

}  // namespace weft::logql
