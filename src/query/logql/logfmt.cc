#include "query/logql/logfmt.h"

#include "query/logql/go_quote.h"

namespace weft::logql {

namespace {

bool is_space(char c) { return static_cast<unsigned char>(c) <= ' '; }

}  // namespace

bool LogfmtScanner::fail(std::string message) {
  error_ = std::move(message);
  // Skip to the next space so the scan can resume with the next pair.
  while (i_ < s_.size() && !is_space(s_[i_])) ++i_;
  return false;
}

bool LogfmtScanner::next() {
  while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  if (i_ >= s_.size()) return false;
  size_t start = i_;
  while (i_ < s_.size() && !is_space(s_[i_]) && s_[i_] != '=' && s_[i_] != '"') ++i_;
  if (i_ < s_.size() && s_[i_] == '"')
    return fail("logfmt syntax error at pos " + std::to_string(i_ + 1) + " on line 1: unexpected '\"'");
  key_ = s_.substr(start, i_ - start);
  value_.clear();
  if (key_.empty())
    return fail("logfmt syntax error at pos " + std::to_string(i_ + 1) + " on line 1: unexpected '='");
  if (i_ >= s_.size() || s_[i_] != '=') return true;  // a key without a value
  ++i_;
  if (i_ < s_.size() && s_[i_] == '"') return quoted_value();
  size_t v = i_;
  while (i_ < s_.size() && !is_space(s_[i_])) {
    if (s_[i_] == '"' || s_[i_] == '=')
      return fail("logfmt syntax error at pos " + std::to_string(i_ + 1) + " on line 1: unexpected '" +
                  std::string(1, s_[i_]) + "'");
    ++i_;
  }
  value_.assign(s_.substr(v, i_ - v));
  return true;
}

bool LogfmtScanner::quoted_value() {
  size_t start = i_;
  ++i_;
  while (i_ < s_.size() && s_[i_] != '"') {
    if (s_[i_] == '\\') ++i_;
    ++i_;
  }
  if (i_ >= s_.size())
    return fail("logfmt syntax error at pos " + std::to_string(s_.size() + 1) + " on line 1: unterminated quoted value");
  ++i_;
  auto v = go_unquote(s_.substr(start, i_ - start));
  if (!v.is_ok()) return fail("logfmt syntax error: invalid quoted value");
  value_ = std::move(*v);
  return true;
}

namespace {

class LogfmtParser final : public PipelineStage {
 public:
  LogfmtParser(bool strict, bool keep_empty) : strict_(strict), keep_empty_(keep_empty) {}

  bool process(LineState& state) override {
    LogfmtScanner scanner(state.line);
    while (!scanner.done()) {
      if (!scanner.next()) {
        if (!scanner.error().empty() && strict_) {
          state.labels.set_error(kLogfmtParserError, scanner.error());
          return true;
        }
        continue;
      }
      if (!keep_empty_ && scanner.value().empty()) continue;
      std::string name = parsed_label_name(scanner.key(), state.labels);
      if (name.empty()) continue;
      state.labels.set(LabelCategory::kParsed, name, scanner.value());
    }
    return true;
  }

 private:
  bool strict_;
  bool keep_empty_;
};

class LogfmtExpressionParser final : public PipelineStage {
 public:
  LogfmtExpressionParser(std::vector<Extraction> extractions, bool strict, bool keep_empty)
      : extractions_(std::move(extractions)), strict_(strict), keep_empty_(keep_empty) {}

  bool process(LineState& state) override {
    LogfmtScanner scanner(state.line);
    while (!scanner.done()) {
      if (!scanner.next()) {
        if (!scanner.error().empty() && strict_) {
          state.labels.set_error(kLogfmtParserError, scanner.error());
          return true;
        }
        continue;
      }
      if (!keep_empty_ && scanner.value().empty()) continue;
      for (const auto& x : extractions_) {
        if (x.expression != scanner.key()) continue;
        std::string name = x.label;
        if (state.labels.base_has(name)) name += "_extracted";
        state.labels.set(LabelCategory::kParsed, name, scanner.value());
      }
    }
    return true;
  }

 private:
  std::vector<Extraction> extractions_;
  bool strict_;
  bool keep_empty_;
};

}  // namespace

std::unique_ptr<PipelineStage> make_logfmt_parser(bool strict, bool keep_empty) {
  return std::make_unique<LogfmtParser>(strict, keep_empty);
}

std::unique_ptr<PipelineStage> make_logfmt_expression_parser(const std::vector<Extraction>& extractions,
                                                            bool strict, bool keep_empty) {
  return std::make_unique<LogfmtExpressionParser>(extractions, strict, keep_empty);
}

}  // namespace weft::logql
