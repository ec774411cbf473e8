#include "query/logql/text_parsers.h"

#include <vector>

#include "query/logql/pattern.h"
#include "query/logql/regex.h"

namespace weft::logql {

namespace {

class RegexpParser final : public PipelineStage {
 public:
  RegexpParser(RegexPtr regex, std::vector<std::pair<int, std::string>> groups)
      : regex_(std::move(regex)), groups_(std::move(groups)) {
    matches_.resize(regex_->NumberOfCapturingGroups() + 1);
  }

  bool process(LineState& state) override {
    re2::StringPiece line(state.line.data(), state.line.size());
    if (!regex_->Match(line, 0, line.size(), re2::RE2::UNANCHORED, matches_.data(),
                       static_cast<int>(matches_.size())))
      return true;
    for (const auto& [index, name] : groups_) {
      const re2::StringPiece& m = matches_[index];
      std::string label = name;
      if (state.labels.base_has(label)) label += "_extracted";
      state.labels.set(LabelCategory::kParsed, label, std::string_view(m.data(), m.size()));
    }
    return true;
  }

 private:
  RegexPtr regex_;
  std::vector<std::pair<int, std::string>> groups_;
  std::vector<re2::StringPiece> matches_;
};

class PatternParser final : public PipelineStage {
 public:
  explicit PatternParser(Pattern pattern) : pattern_(std::move(pattern)) {}

  bool process(LineState& state) override {
    if (!pattern_.extract(state.line, values_)) return true;
    const auto& names = pattern_.names();
    for (size_t i = 0; i < values_.size() && i < names.size(); ++i) {
      std::string label = names[i];
      if (state.labels.base_has(label)) label += "_extracted";
      state.labels.set(LabelCategory::kParsed, label, values_[i]);
    }
    return true;
  }

 private:
  Pattern pattern_;
  std::vector<std::string_view> values_;
};

}  // namespace

Result<std::unique_ptr<PipelineStage>> make_regexp_parser(std::string_view regex) {
  auto compiled = compile_search_regex(regex);
  if (!compiled.is_ok()) return Status::invalid("invalid regexp parser: " + compiled.status().message());
  std::vector<std::pair<int, std::string>> groups;
  for (const auto& [name, index] : (*compiled)->NamedCapturingGroups()) {
    if (!is_valid_label_name(name)) return Status::invalid("invalid extracted label name '" + name + "'");
    groups.emplace_back(index, name);
  }
  if (groups.empty()) return Status::invalid("invalid regexp parser: at least one named capture must be supplied");
  return std::unique_ptr<PipelineStage>(std::make_unique<RegexpParser>(std::move(*compiled), std::move(groups)));
}

Result<std::unique_ptr<PipelineStage>> make_pattern_parser(std::string_view text) {
  auto pattern = Pattern::parse_for_extraction(text);
  if (!pattern.is_ok()) return Status::invalid("invalid pattern parser: " + pattern.status().message());
  return std::unique_ptr<PipelineStage>(std::make_unique<PatternParser>(std::move(*pattern)));
}

}  // namespace weft::logql
