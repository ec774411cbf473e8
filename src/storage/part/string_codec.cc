#include "storage/part/string_codec.h"

#include <unordered_map>

#include "storage/part/byte_writer.h"
#include "storage/part/int_codec.h"
#include "storage/part/part_format.h"

namespace weft::storage {

namespace {

using part_format::StringEncoding;

std::string encode_lengths(std::span<const std::string_view> values) {
  std::vector<int64_t> lengths(values.size());
  for (size_t i = 0; i < values.size(); ++i) lengths[i] = static_cast<int64_t>(values[i].size());
  std::string out;
  encode_ints(lengths, &out);
  return out;
}

std::string encode_plain(std::span<const std::string_view> values) {
  std::string out(1, static_cast<char>(StringEncoding::kPlain));
  out += encode_lengths(values);
  for (std::string_view v : values) out.append(v);
  return out;
}

// The dictionary encoding, or "" when there are more distinct values than half the rows.
std::string encode_dict(std::span<const std::string_view> values) {
  std::unordered_map<std::string_view, int64_t> ids;
  std::vector<std::string_view> dict;
  std::vector<int64_t> index(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    auto [it, added] = ids.try_emplace(values[i], static_cast<int64_t>(dict.size()));
    if (added) {
      dict.push_back(values[i]);
      if (dict.size() > values.size() / 2) return {};
    }
    index[i] = it->second;
  }
  std::string out(1, static_cast<char>(StringEncoding::kDict));
  ByteWriter w(&out);
  w.varint(dict.size());
  out += encode_lengths(dict);
  for (std::string_view v : dict) out.append(v);
  encode_ints(index, &out);
  return out;
}

std::string encode_fixed(std::span<const std::string_view> values) {
  size_t width = values[0].size();
  for (std::string_view v : values)
    if (v.size() != width) return {};
  std::string out(1, static_cast<char>(StringEncoding::kFixed));
  ByteWriter(&out).varint(width);
  for (std::string_view v : values) out.append(v);
  return out;
}

bool all_equal(std::span<const std::string_view> values) {
  for (std::string_view v : values)
    if (v != values[0]) return false;
  return true;
}

}  // namespace

void encode_strings(std::span<const std::string_view> values, std::string* out) {
  if (values.empty() || all_equal(values)) {
    ByteWriter w(out);
    w.u8(static_cast<uint8_t>(StringEncoding::kConst));
    w.sized(values.empty() ? std::string_view() : values[0]);
    return;
  }
  std::string best = encode_plain(values);
  for (std::string other : {encode_dict(values), encode_fixed(values)})
    if (!other.empty() && other.size() < best.size()) best = std::move(other);
  out->append(best);
}

namespace {

// n lengths, then their bytes: appends n views to out->values.
bool read_values(ByteReader& in, size_t n, StringVector* out) {
  std::vector<int64_t> lengths;
  if (!decode_ints(in, n, &lengths)) return false;
  out->values.reserve(out->values.size() + n);
  for (int64_t len : lengths) {
    if (len < 0 || static_cast<uint64_t>(len) > in.remaining()) return in.fail(), false;
    out->values.push_back(in.bytes(static_cast<size_t>(len)));
  }
  return in.ok();
}

bool read_dict(ByteReader& in, size_t n, StringVector* out) {
  uint64_t d = in.varint();
  // Distinct values: at most one is empty, so d values need d - 1 bytes at least; a
  // dictionary is never empty for n > 0 rows.
  if (!in.ok() || d > in.remaining() + 1 || (d == 0 && n > 0)) return in.fail(), false;
  if (!read_values(in, static_cast<size_t>(d), out)) return false;
  std::vector<int64_t> index;
  if (!decode_ints(in, n, &index)) return false;
  out->index.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (index[i] < 0 || static_cast<uint64_t>(index[i]) >= d) return in.fail(), false;
    out->index[i] = static_cast<uint32_t>(index[i]);
  }
  return true;
}

bool read_fixed(ByteReader& in, size_t n, StringVector* out) {
  uint64_t width = in.varint();
  if (!in.ok() || (n > 0 && width > in.remaining() / n)) return in.fail(), false;
  out->values.resize(n);
  for (auto& v : out->values) v = in.bytes(static_cast<size_t>(width));
  return in.ok();
}

}  // namespace

bool decode_strings(ByteReader& in, size_t n, StringVector* out) {
  out->values.clear();
  out->index.clear();
  auto encoding = static_cast<StringEncoding>(in.u8());
  switch (encoding) {
    case StringEncoding::kConst:
      out->values.push_back(in.sized());
      out->index.assign(n, 0);
      if (n == 0) out->values.clear();
      return in.ok();
    case StringEncoding::kPlain: return read_values(in, n, out);
    case StringEncoding::kDict: return read_dict(in, n, out);
    case StringEncoding::kFixed: return read_fixed(in, n, out);
  }
  in.fail();
  return false;
}

}  // namespace weft::storage
