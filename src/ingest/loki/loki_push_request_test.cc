// Request conventions: content types, Content-Encoding, snappy, size limits.
#include "ingest/loki/loki_push_request.h"

#include <gtest/gtest.h>

#include "common/gzip.h"
#include "ingest/loki/loki_push_test_util.h"

namespace weft::ingest::loki {
namespace {

using namespace testing;

constexpr uint64_t kMax = 1 << 20;

std::string one_stream_proto() {
  return push_proto({{R"({app="a"})", {{kNowSeconds, 0, "hello", {}}}}});
}

constexpr std::string_view kJson =
    R"({"streams":[{"stream":{"app":"a"},"values":[["1795428000000000000","hello"]]}]})";

Result<PushResult> decode(std::string_view type, std::string_view encoding, std::string body,
                          uint64_t max = kMax) {
  return decode_push_request(type, encoding, std::move(body), max, test_options());
}

void expect_one_hello(const Result<PushResult>& r) {
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  ASSERT_EQ(r->batch.records.size(), 1u);
  EXPECT_EQ(body_text(r->batch.records[0]), "hello");
}

TEST(LokiPushRequest, ContentTypes) {
  EXPECT_EQ(push_encoding_for_content_type("application/json"), PushEncoding::kJson);
  EXPECT_EQ(push_encoding_for_content_type(" Application/JSON; charset=utf-8"), PushEncoding::kJson);
  EXPECT_EQ(push_encoding_for_content_type("application/x-protobuf"), PushEncoding::kProtobuf);
  EXPECT_EQ(push_encoding_for_content_type(""), PushEncoding::kProtobuf);
  EXPECT_EQ(push_encoding_for_content_type("text/plain"), PushEncoding::kProtobuf);
}

TEST(LokiPushRequest, ProtobufIsSnappyWithOrWithoutTheHeader) {
  std::string body = snappy_compress(one_stream_proto());
  expect_one_hello(decode("application/x-protobuf", "", body));
  expect_one_hello(decode("application/x-protobuf", "snappy", body));
  expect_one_hello(decode("", "identity", body));
}

TEST(LokiPushRequest, GzipAndDeflateForBothEncodings) {
  std::string snappy = snappy_compress(one_stream_proto());
  expect_one_hello(decode("application/x-protobuf", "gzip", gzip_compress(snappy)));
  expect_one_hello(decode("application/x-protobuf", "deflate", deflate_raw_compress(snappy)));
  expect_one_hello(decode("application/json", "gzip", gzip_compress(kJson)));
  expect_one_hello(decode("application/json", "GZIP", gzip_compress(kJson)));
  expect_one_hello(decode("application/json", "deflate", deflate_raw_compress(kJson)));
  expect_one_hello(decode("application/json", "", std::string(kJson)));
}

TEST(LokiPushRequest, BadEncodingsAreInvalid) {
  auto r = decode("application/json", "br", std::string(kJson));
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "Content-Encoding \"br\" not supported");

  r = decode("application/json", "gzip", "not gzip");
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().substr(0, 6), "gzip: ");

  r = decode("application/x-protobuf", "", one_stream_proto());  // protobuf without snappy
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "snappy: corrupt input");

  r = decode("application/x-protobuf", "", snappy_compress("\x0a\x05"));  // snappy, bad proto
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().substr(0, 7), "proto: ");

  r = decode("application/json", "snappy", snappy_compress(kJson));  // as Loki: not JSON
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(LokiPushRequest, SizeLimitsAfterEveryDecompression) {
  std::string big_json = R"({"streams":[{"stream":{"app":"a"},"values":[["1795428000000000000",")" +
                         std::string(4000, 'x') + R"("]]}]})";
  auto r = decode("application/json", "gzip", gzip_compress(big_json), 1000);
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(), "request body too large: over 1000 bytes, limit: 1000 bytes");

  std::string big_proto = push_proto({{R"({app="a"})", {{kNowSeconds, 0, std::string(4000, 'x'), {}}}}});
  r = decode("application/x-protobuf", "", snappy_compress(big_proto), 1000);
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);

  // A snappy block that claims 4 GiB: refused from its header, nothing allocated.
  r = decode("application/x-protobuf", "", std::string("\xff\xff\xff\xff\x0f\x00", 6), kMax);
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace weft::ingest::loki
