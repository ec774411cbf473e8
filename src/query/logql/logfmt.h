// A logfmt scanner (key=value key2="quoted \"value\"" flag), as go-logfmt reads it, and the
// logfmt stages: `| logfmt [--strict] [--keep-empty]` and `| logfmt a, b="key"`.
// Without --strict a malformed pair is skipped; with it the line gets
// __error__="LogfmtParserErr". Empty values are skipped unless --keep-empty.
// Thread safety: the scanner is a value over one line; stages are per pipeline run.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/logql/ast.h"
#include "query/logql/pipeline_stage.h"

namespace weft::logql {

class LogfmtScanner {
 public:
  explicit LogfmtScanner(std::string_view line) : s_(line) {}
  // The next pair; false at the end of the line or on a malformed pair (then error() says
  // why, and the scan can go on with the next pair).
  bool next();
  bool done() const { return i_ >= s_.size(); }
  std::string_view key() const { return key_; }
  const std::string& value() const { return value_; }
  const std::string& error() const { return error_; }

 private:
  bool fail(std::string message);
  bool quoted_value();

  std::string_view s_;
  size_t i_ = 0;
  std::string_view key_;
  std::string value_;
  std::string error_;
};

std::unique_ptr<PipelineStage> make_logfmt_parser(bool strict, bool keep_empty);
std::unique_ptr<PipelineStage> make_logfmt_expression_parser(const std::vector<Extraction>& extractions,
                                                            bool strict, bool keep_empty);

}  // namespace weft::logql
