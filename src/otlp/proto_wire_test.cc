// Tests of the protobuf wire reader (ProtoReader) and writer (ProtoSizer/ProtoWriter).
#include <gtest/gtest.h>

#include <limits>

#include "otlp/proto_reader.h"
#include "otlp/proto_test_builder.h"
#include "otlp/proto_writer.h"

namespace weft::otlp {
namespace {

using testing::Pb;

std::vector<WireField> read_all(std::string_view bytes, std::string* error = nullptr) {
  ProtoReader r(bytes);
  std::vector<WireField> out;
  WireField f;
  while (r.next(&f)) out.push_back(f);
  if (error != nullptr) *error = r.error();
  return out;
}

TEST(ProtoReader, ReadsEveryScalarWireType) {
  std::string wire = Pb().varint(1, 300)
                         .fixed64(2, 0x0102030405060708ull)
                         .fixed32(3, 0xA1B2C3D4u)
                         .bytes(4, "hello")
                         .varint(536870911, std::numeric_limits<uint64_t>::max())
                         .str();
  std::string error;
  auto fields = read_all(wire, &error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0].number, 1u);
  EXPECT_EQ(fields[0].type, WireType::kVarint);
  EXPECT_EQ(fields[0].scalar, 300u);
  EXPECT_EQ(fields[1].scalar, 0x0102030405060708ull);
  EXPECT_EQ(fields[1].type, WireType::kFixed64);
  EXPECT_EQ(fields[2].scalar, 0xA1B2C3D4u);
  EXPECT_EQ(fields[3].type, WireType::kLen);
  EXPECT_EQ(fields[3].bytes, "hello");
  EXPECT_EQ(fields[4].number, 536870911u);
  EXPECT_EQ(fields[4].scalar, std::numeric_limits<uint64_t>::max());
}

TEST(ProtoReader, EmptyMessageHasNoFields) {
  std::string error;
  EXPECT_TRUE(read_all("", &error).empty());
  EXPECT_EQ(error, "");
}

TEST(ProtoReader, SkipsGroupsWhole) {
  // field 7 group { field 1 varint, field 8 group { field 2 bytes } } then field 3 varint.
  std::string wire = Pb().tag(7, 3)
                         .varint(1, 5)
                         .tag(8, 3)
                         .bytes(2, "inner")
                         .tag(8, 4)
                         .tag(7, 4)
                         .varint(3, 9)
                         .str();
  std::string error;
  auto fields = read_all(wire, &error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].number, 7u);
  EXPECT_EQ(fields[0].type, WireType::kStartGroup);
  EXPECT_EQ(fields[1].number, 3u);
  EXPECT_EQ(fields[1].scalar, 9u);
}

struct BadCase {
  std::string name;
  std::string wire;
  std::string error_contains;
};

TEST(ProtoReader, ReportsMalformedInput) {
  std::vector<BadCase> cases = {
      {"truncated tag", "\x80", "truncated field tag"},
      {"field zero", Pb().varint(0, 1).str(), "invalid field tag"},
      {"truncated varint", Pb().tag(1, 0).raw("\xff\xff").str(), "truncated varint field 1"},
      {"eleven-byte varint", Pb().tag(1, 0).raw(std::string(10, '\xff') + "\x01").str(),
       "truncated varint field 1"},
      {"truncated fixed64", Pb().tag(2, 1).raw("1234567").str(), "truncated fixed-width field 2"},
      {"truncated fixed32", Pb().tag(2, 5).raw("123").str(), "truncated fixed-width field 2"},
      {"truncated length", Pb().tag(5, 2).raw("\x80").str(), "truncated length of field 5"},
      {"length past end", Pb().tag(5, 2).raw_varint(10).raw("abc").str(),
       "truncated length-delimited field 5"},
      {"huge length", Pb().tag(5, 2).raw_varint(std::numeric_limits<uint64_t>::max()).str(),
       "truncated length-delimited field 5"},
      {"wire type 6", Pb().tag(4, 6).str(), "invalid wire type in field 4"},
      {"wire type 7", Pb().tag(4, 7).str(), "invalid wire type in field 4"},
      {"stray end group", Pb().tag(4, 4).str(), "unexpected end-group tag for field 4"},
      {"mismatched end group", Pb().tag(4, 3).tag(5, 4).str(), "unexpected end-group"},
      {"unterminated group", Pb().tag(4, 3).varint(1, 1).str(), "unterminated group field 4"},
      {"bad value inside group", Pb().tag(4, 3).tag(1, 2).raw_varint(50).str(),
       "truncated length-delimited field 1"},
  };
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += Pb().tag(9, 3).str();
  cases.push_back({"groups too deep", deep, "groups nested too deeply"});
  for (const BadCase& c : cases) {
    std::string error;
    read_all(c.wire, &error);
    EXPECT_NE(error.find(c.error_contains), std::string::npos)
        << c.name << ": got \"" << error << "\"";
  }
}

TEST(ProtoWriter, VarintSizes) {
  EXPECT_EQ(varint_size(0), 1u);
  EXPECT_EQ(varint_size(127), 1u);
  EXPECT_EQ(varint_size(128), 2u);
  EXPECT_EQ(varint_size(16383), 2u);
  EXPECT_EQ(varint_size(16384), 3u);
  EXPECT_EQ(varint_size(std::numeric_limits<uint64_t>::max()), 10u);
  EXPECT_EQ(tag_size(15), 1u);
  EXPECT_EQ(tag_size(16), 2u);
}

TEST(ProtoWriter, MatchesIndependentBuilder) {
  std::string big(300, 'z');  // a nested length over one varint byte
  std::string got = encode_proto([&](auto& s) {
    s.varint(1, 300);
    s.fixed64(2, 0x0102030405060708ull);
    s.fixed32(3, 7);
    s.double_value(4, 1.5);
    s.message(5, [&] {
      s.bytes(1, big);
      s.message(2, [&] {});
      s.message(3, [&] { s.varint(1, std::numeric_limits<uint64_t>::max()); });
    });
    s.bytes(20, "");
  });
  std::string want =
      Pb().varint(1, 300)
          .fixed64(2, 0x0102030405060708ull)
          .fixed32(3, 7)
          .fixed64(4, 0x3FF8000000000000ull)
          .msg(5, Pb().bytes(1, big).msg(2, Pb()).msg(3, Pb().varint(1, ~uint64_t{0})))
          .bytes(20, "")
          .str();
  EXPECT_EQ(got, want);
}

TEST(ProtoWriter, EmptyMessageIsEmpty) {
  EXPECT_EQ(encode_proto([](auto&) {}), "");
}

}  // namespace
}  // namespace weft::otlp
