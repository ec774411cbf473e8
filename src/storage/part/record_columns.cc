#include "storage/part/record_columns.h"

#include <map>
#include <unordered_map>

#include "storage/part/byte_writer.h"
#include "storage/part/int_codec.h"
#include "storage/part/value_codec.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {

using part_format::ColumnId;

std::string_view zero_id(size_t size) {
  static const char zeros[16] = {};
  return std::string_view(zeros, size);
}

namespace {

// Encodes one thing per row with `encode` (rows sharing a pointer share the bytes), as a
// string column whose bloom filter holds the words of `texts_of` each distinct thing.
template <typename T, typename Encode, typename Texts>
void encode_records(ColumnId id, std::span<const T* const> rows, ColumnBuilder& b, Encode encode, Texts texts_of) {
  static const T kDefault{};
  std::unordered_map<const T*, std::string> encoded;
  std::vector<std::string_view> views(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const T* r = rows[i] != nullptr ? rows[i] : &kDefault;
    auto [it, added] = encoded.try_emplace(r);
    if (added) it->second = encode(*r);
    views[i] = it->second;
  }
  std::string default_bytes = encode(kDefault);
  EncodedColumn* c = b.strings(id, views, default_bytes);
  if (c == nullptr) return;
  for (const auto& [r, bytes] : encoded) {
    std::vector<std::string_view> texts;
    texts_of(*r, &texts);
    for (std::string_view t : texts) c->tokens.add_tokens(t);
  }
}

void attribute_texts(const Attributes& attrs, std::vector<std::string_view>* texts) {
  for (const auto& kv : attrs) collect_value_texts(kv.value, texts);
}

}  // namespace

void encode_resource_column(std::span<const Resource* const> rows, ColumnBuilder& b) {
  encode_records<Resource>(ColumnId::kResource, rows, b, encode_resource,
                           [](const Resource& r, std::vector<std::string_view>* t) { attribute_texts(r.attributes, t); });
}

void encode_scope_column(std::span<const Scope* const> rows, ColumnBuilder& b) {
  encode_records<Scope>(ColumnId::kScope, rows, b, encode_scope, [](const Scope& s, std::vector<std::string_view>* t) {
    t->push_back(s.name);
    t->push_back(s.version);
    attribute_texts(s.attributes, t);
  });
}

namespace {

// The attribute columns of a block while they are gathered: sparse (row, value) lists.
struct AttributeColumn {
  std::string_view key;
  uint32_t occurrence;
  std::vector<std::pair<uint32_t, const AnyValue*>> cells;
};

// Position of the column (key, occurrence), creating it.
uint32_t column_of(std::string_view key, uint32_t occurrence, std::vector<AttributeColumn>& columns,
                   std::unordered_map<std::string_view, std::vector<uint32_t>>& by_key) {
  std::vector<uint32_t>& occ = by_key[key];
  while (occ.size() <= occurrence) {
    occ.push_back(static_cast<uint32_t>(columns.size()));
    columns.push_back({key, static_cast<uint32_t>(occ.size() - 1), {}});
  }
  return occ[occurrence];
}

// The j of each attribute of a record: how many earlier attributes have its key.
std::vector<uint32_t> occurrences(const Attributes& attrs) {
  std::vector<uint32_t> occ(attrs.size(), 0);
  for (size_t i = 1; i < attrs.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (attrs[j].key == attrs[i].key) ++occ[i];
  return occ;
}

std::vector<uint32_t> occurrences_fast(const Attributes& attrs) {
  if (attrs.size() <= 16) return occurrences(attrs);
  std::unordered_map<std::string_view, uint32_t> seen;
  std::vector<uint32_t> occ(attrs.size());
  for (size_t i = 0; i < attrs.size(); ++i) occ[i] = seen[attrs[i].key]++;
  return occ;
}

}  // namespace

void encode_attribute_columns(std::span<const Attributes* const> rows, ColumnBuilder& b) {
  std::vector<AttributeColumn> columns;
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_key;
  std::vector<std::vector<uint32_t>> shapes(rows.size());
  for (size_t row = 0; row < rows.size(); ++row) {
    const Attributes& attrs = *rows[row];
    std::vector<uint32_t> occ = occurrences_fast(attrs);
    for (size_t i = 0; i < attrs.size(); ++i) {
      uint32_t col = column_of(attrs[i].key, occ[i], columns, by_key);
      columns[col].cells.emplace_back(static_cast<uint32_t>(row), &attrs[i].value);
      shapes[row].push_back(col);
    }
  }
  // Header order is (key, occurrence): renumber the columns into it.
  std::vector<uint32_t> order(columns.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t c) {
    return std::tie(columns[a].key, columns[a].occurrence) < std::tie(columns[c].key, columns[c].occurrence);
  });
  std::vector<uint32_t> position(columns.size());
  for (uint32_t p = 0; p < order.size(); ++p) position[order[p]] = p;

  std::vector<std::string> shape_bytes(rows.size());
  std::vector<std::string_view> shape_views(rows.size());
  for (size_t row = 0; row < rows.size(); ++row) {
    if (!shapes[row].empty()) {
      ByteWriter w(&shape_bytes[row]);
      w.varint(shapes[row].size());
      for (uint32_t col : shapes[row]) w.varint(position[col]);
    }
    shape_views[row] = shape_bytes[row];
  }
  b.strings(ColumnId::kAttributeShape, shape_views);

  std::vector<const AnyValue*> dense(rows.size());
  for (AttributeColumn& c : columns) {
    std::fill(dense.begin(), dense.end(), nullptr);
    for (const auto& [row, value] : c.cells) dense[row] = value;
    b.values(ColumnId::kAttribute, std::string(c.key), c.occurrence, dense);
  }
}

Status decode_int_column(ColumnSource& src, const BlockHeader& h, ColumnId id, std::vector<int64_t>* out) {
  const ColumnHeader* c = h.find(id);
  if (c == nullptr) {
    out->assign(h.rows, 0);
    return Status::ok();
  }
  Result<std::string_view> raw = src.raw(*c);
  if (!raw.is_ok()) return raw.status();
  ByteReader in(*raw);
  if (!decode_ints(in, h.rows, out) || !in.at_end()) return src.malformed(*c, "malformed int vector");
  return Status::ok();
}

Status decode_string_column(ColumnSource& src, const BlockHeader& h, ColumnId id, StringVector* out) {
  const ColumnHeader* c = h.find(id);
  if (c == nullptr) {
    out->values = {std::string_view()};
    out->index.assign(h.rows, 0);
    return Status::ok();
  }
  Result<std::string_view> raw = src.raw(*c);
  if (!raw.is_ok()) return raw.status();
  ByteReader in(*raw);
  if (!decode_strings(in, h.rows, out) || !in.at_end()) return src.malformed(*c, "malformed string vector");
  return Status::ok();
}

namespace {

// Decodes each distinct value of a string column once with `decode` (null on failure).
template <typename Ptr, typename Decode>
Status decode_records(ColumnSource& src, const BlockHeader& h, ColumnId id, Decode decode, std::vector<Ptr>* out) {
  using T = typename Ptr::element_type;
  out->assign(h.rows, nullptr);
  const ColumnHeader* c = h.find(id);
  if (c == nullptr) {
    auto dflt = std::make_shared<std::remove_const_t<T>>();
    std::fill(out->begin(), out->end(), dflt);
    return Status::ok();
  }
  StringVector v;
  WEFT_RETURN_IF_ERROR(decode_string_column(src, h, id, &v));
  std::vector<Ptr> distinct(v.values.size());
  for (size_t i = 0; i < h.rows; ++i) {
    size_t d = v.index.empty() ? i : v.index[i];
    if (!distinct[d] && !(distinct[d] = decode(v.values[d]))) return src.malformed(*c, "malformed record");
    (*out)[i] = distinct[d];
  }
  return Status::ok();
}

}  // namespace

Status decode_resource_column(ColumnSource& src, const BlockHeader& h, DecodeCache& cache,
                              std::vector<ResourcePtr>* out) {
  return decode_records<ResourcePtr>(src, h, ColumnId::kResource,
                                     [&](std::string_view b) { return cache.resource(b); }, out);
}

Status decode_scope_column(ColumnSource& src, const BlockHeader& h, DecodeCache& cache, std::vector<ScopePtr>* out) {
  return decode_records<ScopePtr>(src, h, ColumnId::kScope, [&](std::string_view b) { return cache.scope(b); }, out);
}

namespace {

// The shape of every row: positions of attribute columns; validated against `columns`.
Status decode_shapes(ColumnSource& src, const BlockHeader& h, size_t columns,
                     std::vector<std::vector<uint32_t>>* shapes) {
  shapes->assign(h.rows, {});
  const ColumnHeader* c = h.find(ColumnId::kAttributeShape);
  if (c == nullptr) return src.malformed(h.attribute_columns()[0], "attribute columns without a shape column");
  StringVector v;
  WEFT_RETURN_IF_ERROR(decode_string_column(src, h, ColumnId::kAttributeShape, &v));
  for (size_t row = 0; row < h.rows; ++row) {
    ByteReader in(v.at(row));
    if (in.at_end()) continue;
    uint64_t n = in.bounded(in.remaining());
    auto& shape = (*shapes)[row];
    shape.resize(n);
    for (auto& p : shape) p = static_cast<uint32_t>(in.bounded(columns == 0 ? 0 : columns - 1));
    if (!in.ok() || !in.at_end() || n == 0 || columns == 0) return src.malformed(*c, "malformed attribute shape");
  }
  return Status::ok();
}

}  // namespace

Status decode_attribute_columns(ColumnSource& src, const BlockHeader& h, const ColumnMask& mask,
                                std::vector<Attributes>* out) {
  out->assign(h.rows, {});
  std::span<const ColumnHeader> columns = h.attribute_columns();
  if (!mask.any_attributes() || columns.empty()) return Status::ok();
  std::vector<std::vector<uint32_t>> shapes;
  WEFT_RETURN_IF_ERROR(decode_shapes(src, h, columns.size(), &shapes));
  std::vector<ValueVector> values(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!mask.wants_attribute(columns[i].key)) continue;
    Result<std::string_view> raw = src.raw(columns[i]);
    if (!raw.is_ok()) return raw.status();
    ByteReader in(*raw);
    if (!decode_value_vector(in, h.rows, &values[i]) || !in.at_end())
      return src.malformed(columns[i], "malformed value vector");
  }
  for (size_t row = 0; row < h.rows; ++row) {
    for (uint32_t col : shapes[row]) {
      if (values[col].values.empty()) continue;  // a key not asked for
      if (!values[col].present[row]) return src.malformed(columns[col], "attribute shape names an absent value");
      (*out)[row].push_back({columns[col].key, std::move(values[col].values[row])});
      values[col].present[row] = false;  // each value is used once
    }
  }
  for (size_t col = 0; col < columns.size(); ++col)
    for (size_t row = 0; row < values[col].present.size(); ++row)
      if (values[col].present[row]) return src.malformed(columns[col], "a value no attribute shape names");
  return Status::ok();
}

}  // namespace weft::storage
