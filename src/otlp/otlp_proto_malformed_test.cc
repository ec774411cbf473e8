// Tests of the OTLP protobuf decoders on malformed input: truncation at every byte, wrong wire
// types for known fields, bad lengths, deep nesting; errors must name the path.
#include <gtest/gtest.h>

#include <random>

#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"
#include "otlp/otlp_test_data.h"
#include "otlp/proto_test_builder.h"

namespace weft::otlp {
namespace {

using testing::Pb;

std::string logs_request(const Pb& record) {
  return Pb().msg(1, Pb().msg(2, Pb().msg(2, record))).str();
}

std::string spans_request(const Pb& span) {
  return Pb().msg(1, Pb().msg(2, Pb().msg(2, span))).str();
}

template <typename Decode>
void expect_every_prefix_is_safe(const std::string& wire, Decode decode) {
  size_t errors = 0;
  for (size_t n = 0; n <= wire.size(); ++n) {
    DecodeReport report;
    auto result = decode(std::string_view(wire.data(), n), &report);
    if (!result.is_ok()) {
      ++errors;
      EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument) << "prefix " << n;
      EXPECT_FALSE(result.status().message().empty());
    }
  }
  EXPECT_GT(errors, wire.size() / 2);  // most prefixes cut a field short
}

TEST(OtlpProtoMalformed, LogsTruncatedAtEveryOffset) {
  std::string wire = encode_logs_proto(testdata::rich_log_batch());
  expect_every_prefix_is_safe(wire, [](std::string_view b, DecodeReport* r) {
    return decode_logs_proto(b, {}, r);
  });
}

TEST(OtlpProtoMalformed, SpansTruncatedAtEveryOffset) {
  std::string wire = encode_spans_proto(testdata::rich_span_batch());
  expect_every_prefix_is_safe(wire, [](std::string_view b, DecodeReport* r) {
    return decode_spans_proto(b, {}, r);
  });
}

TEST(OtlpProtoMalformed, RandomByteFlipsNeverCrash) {
  std::string wire = encode_spans_proto(testdata::rich_span_batch());
  std::mt19937 rng(42);
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = wire;
    for (int k = 0; k < 3; ++k) mutated[rng() % mutated.size()] = static_cast<char>(rng());
    DecodeReport report;
    auto spans = decode_spans_proto(mutated, {}, &report);
    auto logs = decode_logs_proto(mutated, {}, &report);
    EXPECT_LE(spans.is_ok() ? spans->spans.size() : 0, 100u);
    EXPECT_LE(logs.is_ok() ? logs->records.size() : 0, 100u);
  }
}

TEST(OtlpProtoMalformed, ErrorNamesThePath) {
  Pb bad_record = Pb().bytes(3, "x").tag(5, 2).raw_varint(100);  // body length past the end
  Pb scope0 = Pb().msg(2, Pb());
  Pb scope1 = Pb().msg(2, Pb()).msg(2, Pb()).msg(2, Pb()).msg(2, bad_record);
  std::string wire = Pb().msg(1, Pb().msg(2, scope0).msg(2, scope1)).str();
  auto result = decode_logs_proto(wire, {}, nullptr);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message(),
            "resource_logs[0].scope_logs[1].log_records[3]: truncated length-delimited field 5 "
            "(length runs past the end)");
}

TEST(OtlpProtoMalformed, TopLevelErrorHasNoPath) {
  auto result = decode_logs_proto(Pb().tag(1, 2).raw_varint(9).str(), {}, nullptr);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().message(),
            "truncated length-delimited field 1 (length runs past the end)");
}

// A field with the wrong wire type: a varint where the schema has `expected`, or a
// length-delimited field where it has a number.
Pb wrong_type(uint32_t number, bool expected_len) {
  return expected_len ? Pb().varint(number, 1) : Pb().bytes(number, "12345678");
}

TEST(OtlpProtoMalformed, WrongWireTypeForEveryLogRecordField) {
  const std::vector<std::pair<uint32_t, bool>> fields = {
      {1, false}, {2, false}, {3, true}, {5, true},  {6, true},  {7, false},
      {8, false}, {9, true},  {10, true}, {11, false}, {12, true}};
  for (auto [number, is_len] : fields) {
    auto result = decode_logs_proto(logs_request(wrong_type(number, is_len)), {}, nullptr);
    ASSERT_FALSE(result.is_ok()) << "field " << number;
    EXPECT_NE(result.status().message().find("field " + std::to_string(number) + " has wire type"),
              std::string::npos)
        << result.status().message();
  }
}

TEST(OtlpProtoMalformed, WrongWireTypeForEverySpanField) {
  const std::vector<std::pair<uint32_t, bool>> fields = {
      {1, true},  {2, true},   {3, true},   {4, true},   {5, true},   {6, false},
      {7, false}, {8, false},  {9, true},   {10, false}, {11, true},  {12, false},
      {13, true}, {14, false}, {15, true},  {16, false}};
  for (auto [number, is_len] : fields) {
    auto result = decode_spans_proto(spans_request(wrong_type(number, is_len)), {}, nullptr);
    ASSERT_FALSE(result.is_ok()) << "field " << number;
    EXPECT_NE(result.status().message().find("spans[0]: field " + std::to_string(number)),
              std::string::npos)
        << result.status().message();
  }
}

TEST(OtlpProtoMalformed, WrongWireTypesInNestedMessages) {
  struct Case {
    std::string wire;
    std::string path;
  };
  std::vector<Case> cases = {
      {Pb().varint(1, 1).str(), "field 1 has wire type varint"},
      {Pb().msg(1, Pb().varint(2, 1)).str(), "resource_logs[0]: field 2"},
      {Pb().msg(1, Pb().fixed32(3, 1)).str(), "resource_logs[0]: field 3"},
      {Pb().msg(1, Pb().msg(1, Pb().bytes(2, "x"))).str(), "resource_logs[0].resource: field 2"},
      {Pb().msg(1, Pb().msg(2, Pb().msg(1, Pb().varint(1, 1)))).str(),
       "resource_logs[0].scope_logs[0].scope: field 1"},
      {logs_request(Pb().msg(5, Pb().varint(1, 1))), "log_records[0].body: field 1"},
      {logs_request(Pb().msg(5, Pb().bytes(4, "x"))), "body: field 4 has wire type"},
      {logs_request(Pb().msg(5, Pb().msg(5, Pb().varint(1, 1)))), "body.array_value: field 1"},
      {logs_request(Pb().msg(6, Pb().msg(2, Pb().bytes(3, "x")))),
       "log_records[0].attributes[0].value: field 3"},
      {spans_request(Pb().msg(11, Pb().bytes(1, "x"))), "spans[0].events[0]: field 1"},
      {spans_request(Pb().msg(13, Pb().fixed64(6, 1))), "spans[0].links[0]: field 6"},
      {spans_request(Pb().msg(15, Pb().bytes(3, "x"))), "spans[0].status: field 3"},
  };
  for (const Case& c : cases) {
    auto logs = decode_logs_proto(c.wire, {}, nullptr);
    auto spans = decode_spans_proto(c.wire, {}, nullptr);
    const Status& st = c.path.find("spans[") != std::string::npos ? spans.status() : logs.status();
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.path;
    EXPECT_NE(st.message().find(c.path), std::string::npos) << st.message();
  }
}

// A body of `depth` nested single-element arrays around a string.
Pb nested_arrays(int depth) {
  Pb v = Pb().bytes(1, "leaf");
  for (int i = 1; i < depth; ++i) v = Pb().msg(5, Pb().msg(1, v));
  return v;
}

// The same as nested_arrays(depth).str(), built in linear time for large depths.
std::string deep_arrays(int depth) {
  const std::string leaf = Pb().bytes(1, "leaf").str();
  auto vsize = [](size_t n) { return Pb().raw_varint(n).str().size(); };
  std::vector<size_t> any_size(depth), array_size(depth);
  any_size[0] = leaf.size();
  for (int i = 1; i < depth; ++i) {
    array_size[i] = 1 + vsize(any_size[i - 1]) + any_size[i - 1];
    any_size[i] = 1 + vsize(array_size[i]) + array_size[i];
  }
  Pb out;
  for (int i = depth - 1; i >= 1; --i)
    out.tag(5, 2).raw_varint(array_size[i]).tag(1, 2).raw_varint(any_size[i - 1]);
  return out.raw(leaf).str();
}

TEST(OtlpProtoMalformed, NestingDepthIsLimited) {
  ASSERT_EQ(deep_arrays(5), nested_arrays(5).str());
  DecodeOptions options;
  options.max_value_depth = 32;
  auto ok = decode_logs_proto(logs_request(Pb().msg(5, nested_arrays(32))), options, nullptr);
  ASSERT_TRUE(ok.is_ok()) << ok.status().to_string();
  auto deep = decode_logs_proto(logs_request(Pb().msg(5, nested_arrays(33))), options, nullptr);
  ASSERT_FALSE(deep.is_ok());
  EXPECT_NE(deep.status().message().find("values nested deeper than 32"), std::string::npos);
  EXPECT_NE(deep.status().message().find("log_records[0].body.array_value.values[0]"),
            std::string::npos);
  // A hostile depth far past any stack limit fails cleanly too.
  auto very_deep =
      decode_logs_proto(logs_request(Pb().bytes(5, deep_arrays(200000))), options, nullptr);
  EXPECT_FALSE(very_deep.is_ok());
}

TEST(OtlpProtoMalformed, KvListDepthCountsToo) {
  DecodeOptions options;
  options.max_value_depth = 2;
  Pb level2 = Pb().msg(6, Pb().msg(1, Pb().bytes(1, "k").msg(2, Pb().varint(3, 1))));
  auto ok = decode_logs_proto(logs_request(Pb().msg(5, level2)), options, nullptr);
  EXPECT_TRUE(ok.is_ok()) << ok.status().to_string();
  Pb level3 = Pb().msg(6, Pb().msg(1, Pb().bytes(1, "k").msg(2, level2)));
  auto deep = decode_logs_proto(logs_request(Pb().msg(5, level3)), options, nullptr);
  EXPECT_FALSE(deep.is_ok());
}

}  // namespace
}  // namespace weft::otlp
