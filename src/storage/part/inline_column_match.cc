#include "storage/part/inline_column_match.h"

#include <string>
#include <vector>

#include "storage/part/body_refs.h"
#include "storage/part/log_columns.h"
#include "storage/part/string_codec.h"
#include "storage/part/tokenizer.h"
#include "storage/part/value_codec.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {

namespace {

using part_format::ColumnId;

void attribute_texts(const Attributes& attrs, std::vector<std::string>* out) {
  std::vector<std::string_view> views;
  for (const auto& kv : attrs) collect_value_texts(kv.value, &views);
  out->insert(out->end(), views.begin(), views.end());
}

// The texts of each distinct record of a string column of records.
bool record_texts(ColumnId id, const StringVector& v, std::vector<std::string>* out) {
  for (std::string_view bytes : v.values) {
    if (id == ColumnId::kResource) {
      Resource r;
      if (!decode_resource(bytes, &r)) return false;
      attribute_texts(r.attributes, out);
    } else if (id == ColumnId::kScope) {
      Scope s;
      if (!decode_scope(bytes, &s)) return false;
      out->push_back(s.name);
      out->push_back(s.version);
      attribute_texts(s.attributes, out);
    } else if (!bytes.empty()) {  // kEvents
      std::vector<SpanEvent> events;
      if (!decode_events(bytes, 0, &events)) return false;
      for (const auto& e : events) {
        out->push_back(e.name);
        attribute_texts(e.attributes, out);
      }
    }
  }
  return true;
}

// Whether a stored body text holds an id reference (its words then differ from the
// original's: the referenced hex is not there).
bool has_id_reference(std::string_view text) {
  for (size_t i = text.find(kBodyRefEscape); i != std::string_view::npos; i = text.find(kBodyRefEscape, i + 2))
    if (i + 1 < text.size() && text[i + 1] != '\0') return true;
  return false;
}

// Every text of an inline column, or false when the bytes do not decode. *exact is false when
// the texts may lack words of the original values (bodies with id references).
bool column_texts(const ColumnHeader& c, uint32_t rows, std::vector<std::string>* out, bool* exact) {
  ByteReader in(c.inline_bytes);
  *exact = true;
  switch (c.id) {
    case ColumnId::kBody:
    case ColumnId::kAttribute: {
      if (c.id == ColumnId::kBody && (in.u8() & ~kBodyIdRefs) != 0) return false;
      ValueVector v;
      if (!decode_value_vector(in, rows, &v)) return false;
      std::vector<std::string_view> views;
      for (const auto& value : v.values) collect_value_texts(value, &views);
      out->assign(views.begin(), views.end());
      if (c.id == ColumnId::kBody)
        for (std::string_view t : views) *exact = *exact && !has_id_reference(t);
      return in.at_end();
    }
    case ColumnId::kSeverityText:
    case ColumnId::kEventName:
    case ColumnId::kName:
    case ColumnId::kStatusMessage:
    case ColumnId::kTraceState: {
      StringVector v;
      if (!decode_strings(in, rows, &v)) return false;
      out->assign(v.values.begin(), v.values.end());
      return in.at_end();
    }
    case ColumnId::kResource:
    case ColumnId::kScope:
    case ColumnId::kEvents: {
      StringVector v;
      return decode_strings(in, rows, &v) && in.at_end() && record_texts(c.id, v, out);
    }
    default: return true;  // a column without texts
  }
}

Status malformed(const ColumnHeader& c) {
  return Status::corruption("inline column " + std::string(part_format::column_name(c.id)) + " does not decode");
}

}  // namespace

Result<bool> inline_column_has_token(const ColumnHeader& c, uint32_t rows, uint64_t hash) {
  std::vector<std::string> texts;
  bool exact;
  if (!column_texts(c, rows, &texts, &exact)) return malformed(c);
  if (!exact) return true;
  for (const std::string& text : texts) {
    bool found = false;
    for_each_token(text, [&](std::string_view t) { found = found || token_hash(t) == hash; });
    if (found) return true;
  }
  return false;
}

Result<bool> inline_column_has_id(const ColumnHeader& c, uint32_t rows, std::string_view id) {
  ByteReader in(c.inline_bytes);
  StringVector v;
  if (!decode_strings(in, rows, &v) || !in.at_end()) return malformed(c);
  for (std::string_view value : v.values)
    if (value == id) return true;
  return false;
}

}  // namespace weft::storage
