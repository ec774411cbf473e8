#include "query/logql/format_stages.h"

#include <set>

#include "query/logql/template.h"

namespace weft::logql {

namespace {

TemplateContext context_of(LineState& state) {
  TemplateContext c;
  c.label = [&state](std::string_view name) { return state.labels.get(name); };
  c.all_labels = [&state] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Label& l : state.labels.all()) out.emplace_back(l.name, l.value);
    return out;
  };
  c.line = state.line;
  c.timestamp = state.time;
  return c;
}

class LineFormat final : public PipelineStage {
 public:
  explicit LineFormat(Template t) : template_(std::move(t)) {}

  bool process(LineState& state) override {
    if (!template_.simple_field().empty()) {
      auto v = state.labels.get(template_.simple_field());
      state.set_line(std::string(v ? *v : std::string_view()));
      return true;
    }
    Status s = template_.execute(context_of(state), buffer_);
    if (!s.is_ok()) {
      state.labels.set_error(kTemplateFormatError, s.message());
      return true;
    }
    state.set_line(buffer_);
    return true;
  }

 private:
  Template template_;
  std::string buffer_;
};

class LabelFormat final : public PipelineStage {
 public:
  struct Item {
    std::string name;
    bool rename = false;
    std::string source;  // rename: the label renamed
    std::optional<Template> tmpl;
  };
  explicit LabelFormat(std::vector<Item> items) : items_(std::move(items)) {}

  bool process(LineState& state) override {
    for (const Item& item : items_) {
      if (item.rename) {
        auto v = state.labels.get(item.source);
        if (!v) continue;
        std::string value(*v);
        state.labels.erase(item.source);
        state.labels.set(LabelCategory::kParsed, item.name, value);
        continue;
      }
      Status s = item.tmpl->execute(context_of(state), buffer_);
      if (!s.is_ok()) {
        state.labels.set_error(kTemplateFormatError, s.message());
        continue;
      }
      state.labels.set(LabelCategory::kParsed, item.name, buffer_);
    }
    return true;
  }

 private:
  std::vector<Item> items_;
  std::string buffer_;
};

}  // namespace

Result<std::unique_ptr<PipelineStage>> make_line_format(std::string_view tmpl) {
  auto t = Template::parse(tmpl, "line");
  if (!t.is_ok()) return Status::invalid("invalid line template: " + t.status().message());
  return std::unique_ptr<PipelineStage>(std::make_unique<LineFormat>(std::move(*t)));
}

Result<std::unique_ptr<PipelineStage>> make_label_format(const std::vector<LabelFormatItem>& items) {
  std::set<std::string> names;
  std::vector<LabelFormat::Item> out;
  for (const auto& i : items) {
    if (i.name == kErrorLabel) return Status::invalid(i.name + " cannot be formatted");
    if (!names.insert(i.name).second)
      return Status::invalid("multiple label name '" + i.name + "' not allowed in a single format operation");
    LabelFormat::Item item{i.name, i.rename, i.rename ? i.value : "", std::nullopt};
    if (!i.rename) {
      auto t = Template::parse(i.value, "label");
      if (!t.is_ok())
        return Status::invalid("invalid template for label '" + i.name + "': " + t.status().message());
      item.tmpl = std::move(*t);
    }
    out.push_back(std::move(item));
  }
  return std::unique_ptr<PipelineStage>(std::make_unique<LabelFormat>(std::move(out)));
}

}  // namespace weft::logql
