#include "storage/part/value_vector_codec.h"

#include "storage/part/byte_writer.h"
#include "storage/part/int_codec.h"
#include "storage/part/part_format.h"
#include "storage/part/string_codec.h"
#include "storage/part/value_codec.h"

namespace weft::storage {

namespace {

using part_format::ValueKind;

ValueKind kind_of(const AnyValue* v) {
  if (v == nullptr) return ValueKind::kAbsent;
  switch (v->kind()) {
    case AnyValue::Kind::kEmpty: return ValueKind::kEmpty;
    case AnyValue::Kind::kString: return ValueKind::kString;
    case AnyValue::Kind::kBool: return std::get<bool>(v->v) ? ValueKind::kTrue : ValueKind::kFalse;
    case AnyValue::Kind::kInt: return ValueKind::kInt;
    case AnyValue::Kind::kDouble: return ValueKind::kDouble;
    case AnyValue::Kind::kBytes: return ValueKind::kBytes;
    case AnyValue::Kind::kArray: return ValueKind::kArray;
    case AnyValue::Kind::kKvList: return ValueKind::kKvList;
  }
  return ValueKind::kEmpty;
}

// The typed sub-vectors of a value vector, gathered row by row.
struct SubVectors {
  std::vector<int64_t> kinds;
  std::vector<std::string_view> strings;
  std::vector<int64_t> ints;
  std::string doubles;
  std::vector<std::string_view> bytes;
  std::vector<std::string> complex;  // value records of arrays and kvlists
};

void add(const AnyValue* v, SubVectors& s) {
  ValueKind kind = kind_of(v);
  s.kinds.push_back(static_cast<int64_t>(kind));
  switch (kind) {
    case ValueKind::kString: s.strings.push_back(std::get<std::string>(v->v)); break;
    case ValueKind::kInt: s.ints.push_back(std::get<int64_t>(v->v)); break;
    case ValueKind::kDouble: ByteWriter(&s.doubles).f64(std::get<double>(v->v)); break;
    case ValueKind::kBytes: s.bytes.push_back(std::get<Bytes>(v->v).data); break;
    case ValueKind::kArray:
    case ValueKind::kKvList: {
      std::string record;
      ByteWriter w(&record);
      encode_value(*v, w);
      s.complex.push_back(std::move(record));
      break;
    }
    default: break;
  }
}

}  // namespace

void collect_value_texts(const AnyValue& value, std::vector<std::string_view>* texts) {
  if (const auto* s = value.as_string()) {
    texts->push_back(*s);
  } else if (const auto* a = std::get_if<std::vector<AnyValue>>(&value.v)) {
    for (const auto& e : *a) collect_value_texts(e, texts);
  } else if (const auto* kv = std::get_if<std::vector<KeyValue>>(&value.v)) {
    for (const auto& e : *kv) collect_value_texts(e.value, texts);
  }
}

void encode_value_vector(std::span<const AnyValue* const> values, std::string* out,
                         std::vector<std::string_view>* texts) {
  SubVectors s;
  for (const AnyValue* v : values) {
    add(v, s);
    if (texts != nullptr && v != nullptr) collect_value_texts(*v, texts);
  }
  encode_ints(s.kinds, out);
  if (!s.strings.empty()) encode_strings(s.strings, out);
  if (!s.ints.empty()) encode_ints(s.ints, out);
  out->append(s.doubles);
  if (!s.bytes.empty()) encode_strings(s.bytes, out);
  if (!s.complex.empty()) {
    std::vector<std::string_view> views(s.complex.begin(), s.complex.end());
    encode_strings(views, out);
  }
}

namespace {

size_t count_of(const std::vector<int64_t>& kinds, ValueKind a, ValueKind b = ValueKind::kAbsent) {
  size_t n = 0;
  for (int64_t k : kinds) n += (k == static_cast<int64_t>(a) || (b != ValueKind::kAbsent && k == static_cast<int64_t>(b)));
  return n;
}

struct Decoded {
  StringVector strings, bytes, complex;
  std::vector<int64_t> ints;
  std::string_view doubles;
};

bool read_sub_vectors(ByteReader& in, const std::vector<int64_t>& kinds, Decoded& d) {
  size_t n_strings = count_of(kinds, ValueKind::kString);
  size_t n_ints = count_of(kinds, ValueKind::kInt);
  size_t n_doubles = count_of(kinds, ValueKind::kDouble);
  size_t n_bytes = count_of(kinds, ValueKind::kBytes);
  size_t n_complex = count_of(kinds, ValueKind::kArray, ValueKind::kKvList);
  if (n_strings > 0 && !decode_strings(in, n_strings, &d.strings)) return false;
  if (n_ints > 0 && !decode_ints(in, n_ints, &d.ints)) return false;
  if (n_doubles > in.remaining() / 8) return in.fail(), false;
  d.doubles = in.bytes(n_doubles * 8);
  if (n_bytes > 0 && !decode_strings(in, n_bytes, &d.bytes)) return false;
  if (n_complex > 0 && !decode_strings(in, n_complex, &d.complex)) return false;
  return in.ok();
}

}  // namespace

bool decode_value_vector(ByteReader& in, size_t n, ValueVector* out) {
  std::vector<int64_t> kinds;
  if (!decode_ints(in, n, &kinds)) return false;
  for (int64_t k : kinds)
    if (k < 0 || k > part_format::kMaxValueKind) return in.fail(), false;
  Decoded d;
  if (!read_sub_vectors(in, kinds, d)) return false;
  out->values.assign(n, AnyValue());
  out->present.assign(n, true);
  size_t si = 0, ii = 0, di = 0, bi = 0, ci = 0;
  for (size_t row = 0; row < n; ++row) {
    AnyValue& v = out->values[row];
    switch (static_cast<ValueKind>(kinds[row])) {
      case ValueKind::kAbsent: out->present[row] = false; break;
      case ValueKind::kEmpty: break;
      case ValueKind::kString: v = AnyValue(std::string(d.strings.at(si++))); break;
      case ValueKind::kFalse: v = AnyValue(false); break;
      case ValueKind::kTrue: v = AnyValue(true); break;
      case ValueKind::kInt: v = AnyValue(d.ints[ii++]); break;
      case ValueKind::kDouble: {
        ByteReader r(d.doubles.substr(8 * di++, 8));
        v = AnyValue(r.f64());
        break;
      }
      case ValueKind::kBytes: v = AnyValue(Bytes{std::string(d.bytes.at(bi++))}); break;
      case ValueKind::kArray:
      case ValueKind::kKvList: {
        ByteReader r(d.complex.at(ci++));
        bool array = kinds[row] == static_cast<int64_t>(ValueKind::kArray);
        AnyValue::Kind want = array ? AnyValue::Kind::kArray : AnyValue::Kind::kKvList;
        if (!decode_value(r, &v) || !r.at_end() || v.kind() != want) return in.fail(), false;
        break;
      }
    }
  }
  return true;
}

}  // namespace weft::storage
