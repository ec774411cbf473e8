// FieldDetector: which fields a sample of log lines carries, for Loki's detected_fields API -
// structured metadata, and the keys the json parser (lines starting with '{') or the logfmt
// parser (other lines) extracts - with each field's type (int, float, boolean, duration,
// bytes or string), its number of distinct values and the parsers that found it.
// Not thread-safe: one detector per request.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "query/logql/labels.h"
#include "query/logql/pipeline_stage.h"

namespace weft::logql {

struct DetectedField {
  std::string label;
  std::string type;
  uint64_t cardinality = 0;
  std::vector<std::string> parsers;  // empty for structured metadata
};

class FieldDetector {
 public:
  FieldDetector();
  ~FieldDetector();

  void add(std::string_view line, const LabelSet& structured_metadata);

  std::vector<DetectedField> fields(size_t limit) const;
  // The distinct values seen for one field, sorted.
  std::vector<std::string> values(const std::string& field, size_t limit) const;

 private:
  struct Field {
    std::set<std::string> values;
    std::set<std::string> parsers;
  };
  void note(const std::string& name, const std::string& value, const char* parser);

  std::map<std::string, Field> fields_;
  std::unique_ptr<PipelineStage> json_;
  std::unique_ptr<PipelineStage> logfmt_;
};

// The type Loki's detected_fields reports for a set of values.
std::string detect_field_type(const std::set<std::string>& values);

}  // namespace weft::logql
