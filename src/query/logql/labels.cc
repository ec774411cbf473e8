#include "query/logql/labels.h"

#include <algorithm>

#include <xxhash.h>

#include "query/logql/go_quote.h"

namespace weft::logql {

namespace {

bool name_less(const Label& a, std::string_view name) { return a.name < name; }

}  // namespace

LabelSet::LabelSet(std::vector<Label> labels) : labels_(std::move(labels)) {
  std::stable_sort(labels_.begin(), labels_.end(),
                   [](const Label& a, const Label& b) { return a.name < b.name; });
  // Keep the last of each run of equal names.
  std::vector<Label> unique;
  unique.reserve(labels_.size());
  for (auto& l : labels_) {
    if (!unique.empty() && unique.back().name == l.name) unique.back() = std::move(l);
    else unique.push_back(std::move(l));
  }
  labels_ = std::move(unique);
}

const std::string* LabelSet::get(std::string_view name) const {
  auto it = std::lower_bound(labels_.begin(), labels_.end(), name, name_less);
  if (it == labels_.end() || it->name != name) return nullptr;
  return &it->value;
}

void LabelSet::set(std::string_view name, std::string_view value) {
  auto it = std::lower_bound(labels_.begin(), labels_.end(), name, name_less);
  if (it != labels_.end() && it->name == name) {
    it->value.assign(value);
    return;
  }
  labels_.insert(it, Label{std::string(name), std::string(value)});
}

bool LabelSet::erase(std::string_view name) {
  auto it = std::lower_bound(labels_.begin(), labels_.end(), name, name_less);
  if (it == labels_.end() || it->name != name) return false;
  labels_.erase(it);
  return true;
}

std::string LabelSet::to_string() const {
  std::string out = "{";
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (i > 0) out += ", ";
    out += labels_[i].name;
    out += '=';
    out += go_quote(labels_[i].value);
  }
  out += '}';
  return out;
}

uint64_t LabelSet::hash() const {
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (const auto& l : labels_) {
    h = XXH3_64bits_withSeed(l.name.data(), l.name.size(), h);
    h = XXH3_64bits_withSeed(l.value.data(), l.value.size(), h ^ 0xff);
  }
  return h;
}

bool is_valid_label_name(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string sanitize_label_name(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') out = "key_";
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
    out.push_back(ok ? c : '_');
  }
  return out;
}

}  // namespace weft::logql
