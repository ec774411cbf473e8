// LabelsBuilder: the labels of one log line while it passes through a pipeline.
//
// Three categories, as Loki keeps them: the stream's labels, the row's structured metadata
// (read from the row only when a stage or the result first asks for a label), and labels
// the pipeline added (parsers, label_format). A name set later overrides the same name from
// an earlier category; drop/keep delete names from any category. The pipeline's error
// (__error__, __error_details__) is kept apart and shows as two labels.
//
// Reset per row; keeps its buffers between rows. Not thread-safe: one per pipeline run.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/logql/labels.h"
#include "query/logql/log_source.h"

namespace weft::logql {

inline constexpr std::string_view kErrorLabel = "__error__";
inline constexpr std::string_view kErrorDetailsLabel = "__error_details__";

// The pipeline's error types (values of __error__), as Loki names them.
inline constexpr std::string_view kJsonParserError = "JSONParserErr";
inline constexpr std::string_view kLogfmtParserError = "LogfmtParserErr";
inline constexpr std::string_view kLabelFilterError = "LabelFilterErr";
inline constexpr std::string_view kTemplateFormatError = "TemplateFormatErr";
inline constexpr std::string_view kSampleExtractionError = "SampleExtractionErr";

enum class LabelCategory : uint8_t { kStream, kMetadata, kParsed };

class LabelsBuilder {
 public:
  void reset(const LogRow& row);

  // The value of a label, nullopt when absent (or deleted).
  std::optional<std::string_view> get(std::string_view name);
  // Whether the stream labels or the structured metadata have `name` (a parser then adds
  // "<name>_extracted" instead).
  bool base_has(std::string_view name);

  void set(LabelCategory category, std::string_view name, std::string_view value);
  void erase(std::string_view name);

  bool has_error() const { return !error_.empty(); }
  // Sets the error unless one is already set.
  void set_error(std::string_view error, std::string_view details);
  void clear_error();

  // Every label name present now (for drop/keep with matchers and label_format).
  std::vector<Label> all();
  // All labels merged into one set (what a stream is keyed by without categories).
  LabelSet labels();
  // The three categories separately, for categorize-labels responses.
  void categorized(LabelSet& stream, LabelSet& metadata, LabelSet& parsed);

  const Stream* stream() const { return stream_; }

 private:
  struct Override {
    LabelCategory category;
    std::string name;
    std::string value;
  };
  void load_metadata();
  bool deleted(std::string_view name) const;
  Override* find_override(std::string_view name);
  const std::string* find_metadata(std::string_view name);

  const LogRow* row_ = nullptr;
  const Stream* stream_ = nullptr;
  bool metadata_loaded_ = false;
  std::vector<Label> metadata_;        // sorted by name once loaded
  std::vector<Override> overrides_;    // in insertion order
  std::vector<std::string> deleted_;   // names removed from stream/metadata
  std::string error_;
  std::string error_details_;
};

}  // namespace weft::logql
