#include "storage/part/column_builder.h"

#include <algorithm>
#include <tuple>

#include "storage/part/int_codec.h"
#include "storage/part/string_codec.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {

using part_format::ColumnId;

EncodedColumn& ColumnBuilder::add(ColumnId id) {
  columns_.emplace_back();
  columns_.back().id = id;
  return columns_.back();
}

void ColumnBuilder::ints(ColumnId id, std::span<const int64_t> values) {
  bool all_zero = std::all_of(values.begin(), values.end(), [](int64_t v) { return v == 0; });
  if (all_zero && id != ColumnId::kTime) return;
  encode_ints(values, &add(id).raw);
}

EncodedColumn* ColumnBuilder::strings(ColumnId id, std::span<const std::string_view> values,
                                      std::string_view default_value) {
  bool all_default = std::all_of(values.begin(), values.end(), [&](std::string_view v) { return v == default_value; });
  if (all_default) return nullptr;
  EncodedColumn& c = add(id);
  encode_strings(values, &c.raw);
  return &c;
}

void ColumnBuilder::text(ColumnId id, std::span<const std::string_view> values) {
  EncodedColumn* c = strings(id, values);
  if (c == nullptr) return;
  for (size_t i = 0; i < values.size(); ++i)
    if (i == 0 || values[i] != values[i - 1]) c->tokens.add_tokens(values[i]);
}

void ColumnBuilder::ids(ColumnId id, std::span<const std::string_view> values, std::string_view absent) {
  EncodedColumn* c = strings(id, values, absent);
  if (c == nullptr) return;
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] != absent && (i == 0 || values[i] != values[i - 1])) c->tokens.add_whole(values[i]);
}

void ColumnBuilder::values(ColumnId id, std::string key, uint32_t occurrence, std::span<const AnyValue* const> values,
                           std::string_view prefix, std::span<const AnyValue* const> indexed) {
  if (std::all_of(values.begin(), values.end(), [](const AnyValue* v) { return v == nullptr; })) return;
  EncodedColumn& c = add(id);
  c.key = std::move(key);
  c.occurrence = occurrence;
  c.raw.append(prefix);
  std::vector<std::string_view> texts;
  encode_value_vector(values, &c.raw, indexed.empty() ? &texts : nullptr);
  for (const AnyValue* v : indexed)
    if (v != nullptr) collect_value_texts(*v, &texts);
  for (size_t i = 0; i < texts.size(); ++i)
    if (i == 0 || texts[i] != texts[i - 1]) c.tokens.add_tokens(texts[i]);
}

std::vector<EncodedColumn> ColumnBuilder::take() {
  std::sort(columns_.begin(), columns_.end(), [](const EncodedColumn& a, const EncodedColumn& b) {
    return std::tie(a.id, a.key, a.occurrence) < std::tie(b.id, b.key, b.occurrence);
  });
  return std::move(columns_);
}

}  // namespace weft::storage
