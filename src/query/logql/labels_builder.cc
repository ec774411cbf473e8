#include "query/logql/labels_builder.h"

#include <algorithm>

namespace weft::logql {

void LabelsBuilder::reset(const LogRow& row) {
  row_ = &row;
  stream_ = row.stream;
  metadata_loaded_ = false;
  metadata_.clear();
  overrides_.clear();
  deleted_.clear();
  error_.clear();
  error_details_.clear();
}

void LabelsBuilder::load_metadata() {
  if (metadata_loaded_) return;
  metadata_loaded_ = true;
  row_->structured_metadata(metadata_);
  std::stable_sort(metadata_.begin(), metadata_.end(),
                   [](const Label& a, const Label& b) { return a.name < b.name; });
  // Of repeated names keep the last.
  size_t kept = 0;
  for (size_t i = 0; i < metadata_.size(); ++i) {
    if (kept > 0 && metadata_[kept - 1].name == metadata_[i].name) {
      metadata_[kept - 1] = std::move(metadata_[i]);
    } else {
      if (kept != i) metadata_[kept] = std::move(metadata_[i]);
      ++kept;
    }
  }
  metadata_.resize(kept);
}

const std::string* LabelsBuilder::find_metadata(std::string_view name) {
  load_metadata();
  auto it = std::lower_bound(metadata_.begin(), metadata_.end(), name,
                             [](const Label& l, std::string_view n) { return l.name < n; });
  return it != metadata_.end() && it->name == name ? &it->value : nullptr;
}

bool LabelsBuilder::deleted(std::string_view name) const {
  return std::find(deleted_.begin(), deleted_.end(), name) != deleted_.end();
}

LabelsBuilder::Override* LabelsBuilder::find_override(std::string_view name) {
  for (auto& o : overrides_)
    if (o.name == name) return &o;
  return nullptr;
}

std::optional<std::string_view> LabelsBuilder::get(std::string_view name) {
  if (name == kErrorLabel) return error_.empty() ? std::nullopt : std::optional<std::string_view>(error_);
  if (name == kErrorDetailsLabel)
    return error_details_.empty() ? std::nullopt : std::optional<std::string_view>(error_details_);
  if (Override* o = find_override(name)) return std::string_view(o->value);
  if (deleted(name)) return std::nullopt;
  if (const std::string* v = stream_->labels.get(name)) return std::string_view(*v);
  if (const std::string* v = find_metadata(name)) return std::string_view(*v);
  return std::nullopt;
}

bool LabelsBuilder::base_has(std::string_view name) {
  return stream_->labels.has(name) || find_metadata(name) != nullptr;
}

void LabelsBuilder::set(LabelCategory category, std::string_view name, std::string_view value) {
  if (name == kErrorLabel) {
    error_.assign(value);
    return;
  }
  if (name == kErrorDetailsLabel) {
    error_details_.assign(value);
    return;
  }
  if (Override* o = find_override(name)) {
    o->value.assign(value);
    return;
  }
  overrides_.push_back({category, std::string(name), std::string(value)});
}

void LabelsBuilder::erase(std::string_view name) {
  if (name == kErrorLabel) {
    error_.clear();
    return;
  }
  if (name == kErrorDetailsLabel) {
    error_details_.clear();
    return;
  }
  overrides_.erase(std::remove_if(overrides_.begin(), overrides_.end(),
                                  [&](const Override& o) { return o.name == name; }),
                   overrides_.end());
  if (!deleted(name)) deleted_.emplace_back(name);
}

void LabelsBuilder::set_error(std::string_view error, std::string_view details) {
  if (!error_.empty()) return;
  error_.assign(error);
  error_details_.assign(details);
}

void LabelsBuilder::clear_error() {
  error_.clear();
  error_details_.clear();
}

std::vector<Label> LabelsBuilder::all() {
  LabelSet s = labels();
  return s.labels();
}

void LabelsBuilder::categorized(LabelSet& stream, LabelSet& metadata, LabelSet& parsed) {
  load_metadata();
  std::vector<Label> s, m, p;
  for (const auto& l : stream_->labels)
    if (!deleted(l.name) && !find_override(l.name)) s.push_back(l);
  for (const auto& l : metadata_)
    if (!deleted(l.name) && !find_override(l.name) && !stream_->labels.has(l.name)) m.push_back(l);
  for (const auto& o : overrides_) {
    Label l{o.name, o.value};
    if (o.category == LabelCategory::kStream) s.push_back(std::move(l));
    else if (o.category == LabelCategory::kMetadata) m.push_back(std::move(l));
    else p.push_back(std::move(l));
  }
  if (!error_.empty()) p.push_back({std::string(kErrorLabel), error_});
  if (!error_details_.empty()) p.push_back({std::string(kErrorDetailsLabel), error_details_});
  stream = LabelSet(std::move(s));
  metadata = LabelSet(std::move(m));
  parsed = LabelSet(std::move(p));
}

LabelSet LabelsBuilder::labels() {
  LabelSet stream, metadata, parsed;
  categorized(stream, metadata, parsed);
  std::vector<Label> all = metadata.labels();
  all.insert(all.end(), stream.begin(), stream.end());
  all.insert(all.end(), parsed.begin(), parsed.end());
  return LabelSet(std::move(all));
}

}  // namespace weft::logql
