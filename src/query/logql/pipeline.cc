#include "query/logql/pipeline.h"

#include <cctype>

#include "query/logql/format_stages.h"
#include "query/logql/json_parser.h"
#include "query/logql/label_filter.h"
#include "query/logql/line_filter.h"
#include "query/logql/logfmt.h"
#include "query/logql/text_parsers.h"

namespace weft::logql {

namespace {

class LineFilterStageImpl final : public PipelineStage {
 public:
  explicit LineFilterStageImpl(LineFilter filter) : filter_(std::move(filter)) {}
  bool process(LineState& state) override { return filter_.matches(state.line); }

 private:
  LineFilter filter_;
};

class LabelFilterStageImpl final : public PipelineStage {
 public:
  explicit LabelFilterStageImpl(std::shared_ptr<const LabelFilter> f) : filter_(std::move(f)) {}
  bool process(LineState& state) override { return filter_->matches(state.labels); }

 private:
  std::shared_ptr<const LabelFilter> filter_;
};

class DecolorizeStageImpl final : public PipelineStage {
 public:
  bool process(LineState& state) override {
    if (state.line.find('\x1b') != std::string_view::npos) state.set_line(decolorize(state.line));
    return true;
  }
};

// drop: removes the named labels (or those whose value matches). keep: removes all others.
class DropKeepStageImpl final : public PipelineStage {
 public:
  struct Item {
    std::string name;
    std::optional<LabelMatcher> matcher;
  };
  DropKeepStageImpl(bool keep, std::vector<Item> items) : keep_(keep), items_(std::move(items)) {}

  bool process(LineState& state) override {
    if (keep_) {
      for (const Label& l : state.labels.all())
        if (!kept(l)) state.labels.erase(l.name);
      return true;
    }
    for (const Item& item : items_) {
      auto v = state.labels.get(item.name);
      if (!v) continue;
      if (!item.matcher || item.matcher->matches(*v)) state.labels.erase(item.name);
    }
    return true;
  }

 private:
  bool kept(const Label& l) const {
    if (l.name == kErrorLabel || l.name == kErrorDetailsLabel) return true;
    for (const Item& item : items_) {
      if (item.name != l.name) continue;
      if (!item.matcher || item.matcher->matches(l.value)) return true;
    }
    return false;
  }

  bool keep_;
  std::vector<Item> items_;
};

Result<std::unique_ptr<PipelineStage>> compile_drop_keep(const DropKeepStage& s) {
  std::vector<DropKeepStageImpl::Item> items;
  for (const auto& item : s.items) {
    DropKeepStageImpl::Item out{item.name, std::nullopt};
    if (item.matcher) {
      auto m = LabelMatcher::compile(*item.matcher);
      if (!m.is_ok()) return m.status();
      out.matcher = std::move(*m);
    }
    items.push_back(std::move(out));
  }
  return std::unique_ptr<PipelineStage>(std::make_unique<DropKeepStageImpl>(s.keep, std::move(items)));
}

Result<std::unique_ptr<PipelineStage>> compile_parser(const ParserStage& p) {
  switch (p.kind) {
    case ParserKind::kJson:
      if (!p.extractions.empty()) return make_json_expression_parser(p.extractions);
      return make_json_parser();
    case ParserKind::kLogfmt:
      if (!p.extractions.empty()) return make_logfmt_expression_parser(p.extractions, p.strict, p.keep_empty);
      return make_logfmt_parser(p.strict, p.keep_empty);
    case ParserKind::kRegexp: return make_regexp_parser(p.param);
    case ParserKind::kPattern: return make_pattern_parser(p.param);
    case ParserKind::kUnpack: return make_unpack_parser();
  }
  return Status::internal("unknown parser");
}

Result<std::unique_ptr<PipelineStage>> compile_label_filter(const LabelFilterExpr& e) {
  auto f = LabelFilter::compile(e);
  if (!f.is_ok()) return f.status();
  return std::unique_ptr<PipelineStage>(std::make_unique<LabelFilterStageImpl>(std::move(*f)));
}

// Whether a stage may change the line (later line filters then see another text).
bool changes_line(const Stage& s) {
  if (std::holds_alternative<LineFormatStage>(s) || std::holds_alternative<DecolorizeStage>(s)) return true;
  if (const auto* p = std::get_if<ParserStage>(&s)) return p->kind == ParserKind::kUnpack;
  return false;
}

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::compile(const std::vector<Stage>& stages) {
  auto p = std::make_unique<Pipeline>();
  bool line_unchanged = true;
  for (const Stage& s : stages) {
    Result<std::unique_ptr<PipelineStage>> stage = Status::internal("unknown stage");
    if (const auto* f = std::get_if<LineFilterStage>(&s)) {
      auto filter = LineFilter::compile(*f);
      if (!filter.is_ok()) return filter.status();
      if (line_unchanged) filter->required_substrings(p->required_);
      stage = std::unique_ptr<PipelineStage>(std::make_unique<LineFilterStageImpl>(std::move(*filter)));
    } else if (const auto* parser = std::get_if<ParserStage>(&s)) {
      stage = compile_parser(*parser);
    } else if (const auto* lf = std::get_if<LabelFilterStage>(&s)) {
      stage = compile_label_filter(*lf->filter);
    } else if (const auto* fmt = std::get_if<LineFormatStage>(&s)) {
      stage = make_line_format(fmt->tmpl);
    } else if (const auto* lfmt = std::get_if<LabelFormatStage>(&s)) {
      stage = make_label_format(lfmt->items);
    } else if (std::holds_alternative<DecolorizeStage>(s)) {
      stage = std::unique_ptr<PipelineStage>(std::make_unique<DecolorizeStageImpl>());
    } else if (const auto* dk = std::get_if<DropKeepStage>(&s)) {
      stage = compile_drop_keep(*dk);
    }
    if (!stage.is_ok()) return stage.status();
    p->stages_.push_back(std::move(*stage));
    if (changes_line(s)) line_unchanged = false;
  }
  return p;
}

Result<std::vector<std::unique_ptr<PipelineStage>>> compile_label_filters(
    const std::vector<std::shared_ptr<const LabelFilterExpr>>& filters) {
  std::vector<std::unique_ptr<PipelineStage>> out;
  for (const auto& f : filters) {
    auto stage = compile_label_filter(*f);
    if (!stage.is_ok()) return stage.status();
    out.push_back(std::move(*stage));
  }
  return out;
}

std::string decolorize(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\x1b') {
      out += line[i];
      continue;
    }
    if (i + 1 < line.size() && line[i + 1] == '[') {  // CSI: ESC [ params final-byte
      size_t j = i + 2;
      while (j < line.size() && !(line[j] >= 0x40 && line[j] <= 0x7e)) ++j;
      i = j;
    } else if (i + 1 < line.size()) {
      ++i;  // a two-byte escape
    }
  }
  return out;
}

std::string sanitize_parsed_key(std::string_view key) {
  while (!key.empty() && std::isspace(static_cast<unsigned char>(key.front()))) key.remove_prefix(1);
  while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back()))) key.remove_suffix(1);
  std::string out;
  if (key.empty()) return out;
  if (key[0] >= '0' && key[0] <= '9') out += '_';
  for (size_t i = 0; i < key.size();) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    bool ok = std::isalnum(c) || c == '_';
    out += ok ? static_cast<char>(c) : '_';
    // One '_' per character, not per byte.
    size_t n = 1;
    if (c >= 0xc0) n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    i += std::min(n, key.size() - i);
  }
  return out;
}

std::string parsed_label_name(std::string_view key, LabelsBuilder& labels) {
  std::string name = sanitize_parsed_key(key);
  if (!name.empty() && labels.base_has(name)) name += "_extracted";
  return name;
}

}  // namespace weft::logql
