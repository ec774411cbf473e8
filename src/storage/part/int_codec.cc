#include "storage/part/int_codec.h"

#include <algorithm>
#include <limits>

#include "storage/part/bit_packing.h"
#include "storage/part/byte_writer.h"
#include "storage/part/part_format.h"

namespace weft::storage {

namespace {

using part_format::IntEncoding;

// v[i] - v[i-1] with wrapping arithmetic.
int64_t wrapping_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t wrapping_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

struct Range {
  int64_t min = std::numeric_limits<int64_t>::max();
  int64_t max = std::numeric_limits<int64_t>::min();
  int width() const { return bit_width_of(static_cast<uint64_t>(max) - static_cast<uint64_t>(min)); }
};

Range range_of(std::span<const int64_t> v) {
  Range r;
  for (int64_t x : v) r.min = std::min(r.min, x), r.max = std::max(r.max, x);
  return r;
}

size_t zigzag_size(int64_t v) { return varint_size(zigzag_encode(v)); }

size_t plain_size(std::span<const int64_t> v) {
  size_t n = 0;
  for (int64_t x : v) n += zigzag_size(x);
  return n;
}

// The distinct values, sorted, or empty when there are more than kMaxIntDictSize.
std::vector<int64_t> small_dictionary(std::span<const int64_t> values) {
  std::vector<int64_t> dict;
  for (int64_t v : values) {
    auto it = std::lower_bound(dict.begin(), dict.end(), v);
    if (it != dict.end() && *it == v) continue;
    if (dict.size() == kMaxIntDictSize) return {};
    dict.insert(it, v);
  }
  return dict;
}

void pack_offsets(std::span<const int64_t> v, int64_t base, int width, std::string* out) {
  std::vector<uint64_t> offsets(v.size());
  for (size_t i = 0; i < v.size(); ++i) offsets[i] = static_cast<uint64_t>(v[i]) - static_cast<uint64_t>(base);
  pack_bits(offsets, width, out);
}

struct Candidate {
  IntEncoding encoding;
  size_t size;
};

void write_dict(std::span<const int64_t> values, const std::vector<int64_t>& dict, ByteWriter& w) {
  w.varint(dict.size());
  for (int64_t d : dict) w.zigzag(d);
  int width = bit_width_of(dict.size() - 1);
  w.u8(static_cast<uint8_t>(width));
  std::vector<uint64_t> idx(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    idx[i] = static_cast<uint64_t>(std::lower_bound(dict.begin(), dict.end(), values[i]) - dict.begin());
  pack_bits(idx, width, &w.buffer());
}

}  // namespace

void encode_ints(std::span<const int64_t> values, std::string* out) {
  ByteWriter w(out);
  const size_t n = values.size();
  Range r = range_of(values);
  if (n == 0 || r.min == r.max) {
    w.u8(static_cast<uint8_t>(IntEncoding::kConst));
    w.zigzag(n == 0 ? 0 : values[0]);
    return;
  }
  std::vector<int64_t> deltas(n - 1);
  for (size_t i = 1; i < n; ++i) deltas[i - 1] = wrapping_sub(values[i], values[i - 1]);
  Range dr = range_of(deltas);
  std::vector<int64_t> dict = small_dictionary(values);

  std::vector<Candidate> c = {
      {IntEncoding::kPlain, plain_size(values)},
      {IntEncoding::kDelta, zigzag_size(values[0]) + plain_size(deltas)},
      {IntEncoding::kBitPacked, zigzag_size(r.min) + 1 + packed_size(n, r.width())},
      {IntEncoding::kDeltaBitPacked,
       zigzag_size(values[0]) + zigzag_size(dr.min) + 1 + packed_size(n - 1, dr.width())},
  };
  if (!dict.empty()) {
    size_t dict_bytes = varint_size(dict.size()) + plain_size(dict) + 1;
    c.push_back({IntEncoding::kDict, dict_bytes + packed_size(n, bit_width_of(dict.size() - 1))});
  }
  IntEncoding best = std::min_element(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
                       return a.size < b.size;
                     })->encoding;
  w.u8(static_cast<uint8_t>(best));
  switch (best) {
    case IntEncoding::kPlain:
      for (int64_t v : values) w.zigzag(v);
      break;
    case IntEncoding::kDelta:
      w.zigzag(values[0]);
      for (int64_t d : deltas) w.zigzag(d);
      break;
    case IntEncoding::kBitPacked:
      w.zigzag(r.min);
      w.u8(static_cast<uint8_t>(r.width()));
      pack_offsets(values, r.min, r.width(), out);
      break;
    case IntEncoding::kDeltaBitPacked:
      w.zigzag(values[0]);
      w.zigzag(dr.min);
      w.u8(static_cast<uint8_t>(dr.width()));
      pack_offsets(deltas, dr.min, dr.width(), out);
      break;
    case IntEncoding::kDict: write_dict(values, dict, w); break;
    case IntEncoding::kConst: break;
  }
}

namespace {

// Reads `n` values packed in `width` bits, each added to `base`.
bool read_packed(ByteReader& in, size_t n, int64_t base, std::vector<int64_t>* out) {
  uint8_t width = in.u8();
  if (!in.ok() || width > 64) return in.fail(), false;
  size_t bytes = packed_size(n, width);
  if (bytes > in.remaining()) return in.fail(), false;
  std::vector<uint64_t> offsets;
  unpack_bits(in.bytes(bytes), n, width, &offsets);
  out->resize(n);
  for (size_t i = 0; i < n; ++i) (*out)[i] = wrapping_add(base, static_cast<int64_t>(offsets[i]));
  return true;
}

bool read_dict(ByteReader& in, size_t n, std::vector<int64_t>* out) {
  uint64_t d = in.bounded(kMaxIntDictSize);
  if (!in.ok() || d == 0) return in.fail(), false;
  std::vector<int64_t> dict(d);
  for (auto& v : dict) v = in.zigzag();
  std::vector<int64_t> idx;
  if (!read_packed(in, n, 0, &idx)) return false;
  out->resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (static_cast<uint64_t>(idx[i]) >= d) return in.fail(), false;
    (*out)[i] = dict[static_cast<size_t>(idx[i])];
  }
  return in.ok();
}

// Every value takes at least one byte of varint: refuse counts the bytes cannot hold.
bool room_for_varints(ByteReader& in, size_t n) {
  if (n <= in.remaining()) return true;
  in.fail();
  return false;
}

}  // namespace

bool decode_ints(ByteReader& in, size_t n, std::vector<int64_t>* out) {
  auto encoding = static_cast<IntEncoding>(in.u8());
  out->clear();
  switch (encoding) {
    case IntEncoding::kConst: out->assign(n, in.zigzag()); break;
    case IntEncoding::kPlain:
      if (!room_for_varints(in, n)) return false;
      out->resize(n);
      for (auto& v : *out) v = in.zigzag();
      break;
    case IntEncoding::kDelta: {
      if (n == 0 || !room_for_varints(in, n)) return in.fail(), false;
      out->resize(n);
      (*out)[0] = in.zigzag();
      for (size_t i = 1; i < n; ++i) (*out)[i] = wrapping_add((*out)[i - 1], in.zigzag());
      break;
    }
    case IntEncoding::kBitPacked: {
      int64_t base = in.zigzag();
      if (!read_packed(in, n, base, out)) return false;
      break;
    }
    case IntEncoding::kDeltaBitPacked: {
      if (n == 0) return in.fail(), false;
      int64_t first = in.zigzag();
      int64_t base = in.zigzag();
      std::vector<int64_t> deltas;
      if (!read_packed(in, n - 1, base, &deltas)) return false;
      out->resize(n);
      (*out)[0] = first;
      for (size_t i = 1; i < n; ++i) (*out)[i] = wrapping_add((*out)[i - 1], deltas[i - 1]);
      break;
    }
    case IntEncoding::kDict:
      if (!read_dict(in, n, out)) return false;
      break;
    default: in.fail(); return false;
  }
  return in.ok();
}

}  // namespace weft::storage
