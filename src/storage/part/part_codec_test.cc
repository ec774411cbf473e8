// Unit tests of the part format's building blocks: bit packing, int/string/value vectors,
// value records, body id references, tokens and bloom filters.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "storage/part/bit_packing.h"
#include "storage/part/bloom_filter.h"
#include "storage/part/body_refs.h"
#include "storage/part/int_codec.h"
#include "storage/part/part_test_util.h"
#include "storage/part/string_codec.h"
#include "storage/part/tokenizer.h"
#include "storage/part/value_codec.h"
#include "storage/part/value_vector_codec.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of part_test_util.h
using Ints = std::vector<int64_t>;

Ints round_trip_ints(const Ints& v, uint8_t* encoding = nullptr) {
  std::string bytes;
  encode_ints(v, &bytes);
  if (encoding) *encoding = static_cast<uint8_t>(bytes[0]);
  ByteReader in(bytes);
  Ints out;
  EXPECT_TRUE(decode_ints(in, v.size(), &out));
  EXPECT_TRUE(in.at_end());
  return out;
}

TEST(BitPacking, EveryWidthRoundTrips) {
  std::mt19937_64 rng(1);
  for (int width = 0; width <= 64; ++width) {
    std::vector<uint64_t> v(77);
    for (auto& x : v) x = width == 64 ? rng() : width == 0 ? 0 : rng() & ((1ull << width) - 1);
    std::string packed;
    pack_bits(v, width, &packed);
    ASSERT_EQ(packed.size(), packed_size(v.size(), width));
    std::vector<uint64_t> out;
    unpack_bits(packed, v.size(), width, &out);
    EXPECT_EQ(out, v) << "width " << width;
  }
}

TEST(IntCodec, ChoosesTheEncodingThatFits) {
  using E = part_format::IntEncoding;
  uint8_t e;
  EXPECT_EQ(round_trip_ints(Ints(100, 7), &e), Ints(100, 7));
  EXPECT_EQ(e, static_cast<uint8_t>(E::kConst));
  Ints ramp;
  for (int i = 0; i < 1000; ++i) ramp.push_back(1'700'000'000'000'000'000 + i * 1000);
  EXPECT_EQ(round_trip_ints(ramp, &e), ramp);
  EXPECT_EQ(e, static_cast<uint8_t>(E::kDeltaBitPacked));
  Ints few;
  for (int i = 0; i < 1000; ++i) few.push_back(i % 3 == 0 ? -5 : 1'000'000'007);
  EXPECT_EQ(round_trip_ints(few, &e), few);
  EXPECT_EQ(e, static_cast<uint8_t>(E::kDict));
}

TEST(IntCodec, ExtremesAndRandomVectorsRoundTrip) {
  const int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  for (const Ints& v : {Ints{}, Ints{lo}, Ints{lo, hi}, Ints{hi, lo, 0, -1, 1}, Ints{0, hi, lo, hi}})
    EXPECT_EQ(round_trip_ints(v), v);
  std::mt19937_64 rng(2);
  for (int round = 0; round < 200; ++round) {
    Ints v(rng() % 300);
    int shift = static_cast<int>(rng() % 64);
    for (auto& x : v) x = static_cast<int64_t>(rng() >> shift) * ((rng() & 1) ? 1 : -1);
    if (round % 3 == 0) std::sort(v.begin(), v.end());
    EXPECT_EQ(round_trip_ints(v), v);
  }
}

TEST(IntCodec, TruncatedInputFailsCleanly) {
  Ints v;
  for (int i = 0; i < 50; ++i) v.push_back(i * i * 12345);
  std::string bytes;
  encode_ints(v, &bytes);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    ByteReader in(std::string_view(bytes).substr(0, cut));
    Ints out;
    EXPECT_FALSE(decode_ints(in, v.size(), &out) && in.at_end()) << cut;
  }
}

std::vector<std::string> round_trip_strings(const std::vector<std::string>& v, uint8_t* encoding = nullptr) {
  std::vector<std::string_view> views(v.begin(), v.end());
  std::string bytes;
  encode_strings(views, &bytes);
  if (encoding) *encoding = static_cast<uint8_t>(bytes[0]);
  ByteReader in(bytes);
  StringVector out;
  EXPECT_TRUE(decode_strings(in, v.size(), &out));
  EXPECT_TRUE(in.at_end());
  std::vector<std::string> got;
  for (size_t i = 0; i < out.rows(); ++i) got.emplace_back(out.at(i));
  return got;
}

TEST(StringCodec, EveryEncodingRoundTrips) {
  using E = part_format::StringEncoding;
  uint8_t e;
  std::vector<std::string> same(40, "INFO");
  EXPECT_EQ(round_trip_strings(same, &e), same);
  EXPECT_EQ(e, static_cast<uint8_t>(E::kConst));
  std::vector<std::string> levels;
  for (int i = 0; i < 100; ++i) levels.push_back(i % 7 == 0 ? "ERROR" : i % 2 ? "" : "INFO");
  EXPECT_EQ(round_trip_strings(levels, &e), levels);
  EXPECT_EQ(e, static_cast<uint8_t>(E::kDict));
  std::vector<std::string> ids;
  RandomRecords gen(3);
  for (int i = 0; i < 50; ++i) ids.emplace_back(gen.id<16>().view());
  ids[3] = std::string(16, '\0');
  EXPECT_EQ(round_trip_strings(ids, &e), ids);
  EXPECT_EQ(e, static_cast<uint8_t>(E::kFixed));
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i) texts.push_back(gen.text(60));
  EXPECT_EQ(round_trip_strings(texts), texts);
  EXPECT_TRUE(round_trip_strings({}).empty());
}

TEST(ValueVector, EveryKindRoundTripsWithAbsentRows) {
  RandomRecords gen(4);
  std::vector<AnyValue> values;
  for (int i = 0; i < 500; ++i) values.push_back(gen.value());
  values.push_back(AnyValue(std::vector<AnyValue>{}));
  values.push_back(AnyValue(std::vector<KeyValue>{}));
  std::vector<const AnyValue*> ptrs;
  for (size_t i = 0; i < values.size(); ++i) ptrs.push_back(i % 5 == 0 ? nullptr : &values[i]);
  std::string bytes;
  std::vector<std::string_view> texts;
  encode_value_vector(ptrs, &bytes, &texts);
  ByteReader in(bytes);
  ValueVector out;
  ASSERT_TRUE(decode_value_vector(in, ptrs.size(), &out));
  EXPECT_TRUE(in.at_end());
  for (size_t i = 0; i < ptrs.size(); ++i) {
    EXPECT_EQ(out.present[i], ptrs[i] != nullptr) << i;
    if (ptrs[i]) EXPECT_TRUE(same_value(*ptrs[i], out.values[i])) << i;
  }
  EXPECT_FALSE(texts.empty());
}

TEST(ValueCodec, RecordsRoundTripAndRefuseDeepNesting) {
  RandomRecords gen(5);
  for (const ResourcePtr& r : gen.resources()) {
    Resource back;
    ASSERT_TRUE(decode_resource(encode_resource(*r), &back));
    EXPECT_TRUE(same_resource(r, std::make_shared<Resource>(back)));
  }
  Span s = gen.span();
  s.events.push_back({s.start_time_unix_nano - 1, "e", gen.attributes(3), 2});
  std::string events, links;
  encode_events(s.events, s.start_time_unix_nano, &events);
  encode_links(s.links, &links);
  std::vector<SpanEvent> ev;
  std::vector<SpanLink> ln;
  ASSERT_TRUE(decode_events(events, s.start_time_unix_nano, &ev));
  ASSERT_TRUE(decode_links(links, &ln));
  EXPECT_TRUE(same_events(ev, s.events));
  EXPECT_TRUE(same_links(ln, s.links));
  // A value nested deeper than the limit does not decode (and does not overflow the stack).
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "\x08\x01";
  ByteReader in(deep);
  AnyValue v;
  EXPECT_FALSE(decode_value(in, &v));
}

TEST(BodyRefs, IdsInTextBecomeReferencesAndComeBack) {
  RandomRecords gen(6);
  TraceId t = gen.id<16>();
  SpanId s = gen.id<8>();
  t.bytes[0] = 0xab;
  s.bytes[0] = 0xcd;
  std::string upper = t.hex();
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string text = "TraceID: " + t.hex() + " SpanID: " + s.hex() + " \x1a raw \x1a\x01 " + upper + " " + t.hex().substr(1);
  std::string stored = encode_body_refs(text, t, s);
  EXPECT_LT(stored.size(), text.size() - 60);
  std::string back;
  ASSERT_TRUE(decode_body_refs(stored, t, s, &back));
  EXPECT_EQ(back, text);
  // References to an absent id, unknown codes and a dangling escape are malformed.
  EXPECT_FALSE(decode_body_refs("x\x1a\x01", TraceId(), s, &back));
  EXPECT_FALSE(decode_body_refs("x\x1a\x09", t, s, &back));
  EXPECT_FALSE(decode_body_refs("x\x1a", t, s, &back));
  EXPECT_EQ(encode_body_refs("no ids here", TraceId(), SpanId()), "no ids here");
}

TEST(Tokenizer, SplitsOnNonWordBytes) {
  EXPECT_EQ(tokenize("GET /api/v1/orders?id=42"), (std::vector<std::string_view>{"GET", "api", "v1", "orders", "id", "42"}));
  EXPECT_EQ(tokenize("ключ=значение 日本"), (std::vector<std::string_view>{"ключ", "значение", "日本"}));
  EXPECT_TRUE(tokenize(" \t-=:").empty());
  EXPECT_EQ(phrase_tokens("user_id=u-42 failed", PhraseMatch::kWholeValue),
            (std::vector<std::string>{"user_id", "u", "42", "failed"}));
  // A substring match may cut the first and last words: only inner words are certain.
  EXPECT_EQ(phrase_tokens("user_id=u-42 failed", PhraseMatch::kSubstring), (std::vector<std::string>{"u", "42"}));
  EXPECT_EQ(phrase_tokens(" error ", PhraseMatch::kSubstring), (std::vector<std::string>{"error"}));
  EXPECT_TRUE(phrase_tokens("error", PhraseMatch::kSubstring).empty());
}

TEST(BloomFilter, NoFalseNegativesAndFewFalsePositives) {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> in(5000);
  for (auto& h : in) h = rng();
  std::string f = build_bloom_filter(in, in.size(), 10);
  ASSERT_TRUE(bloom_filter_valid(f));
  for (uint64_t h : in) EXPECT_TRUE(bloom_may_contain(f, h));
  int false_positives = 0;
  for (int i = 0; i < 100000; ++i) false_positives += bloom_may_contain(f, rng());
  EXPECT_LT(false_positives, 2000);  // about 1 % expected at 10 bits per token
  EXPECT_FALSE(bloom_filter_valid(""));
  EXPECT_FALSE(bloom_filter_valid(std::string("\x00", 1) + std::string(8, '\0')));
}

}  // namespace
}  // namespace weft::storage
