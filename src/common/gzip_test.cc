#include "common/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>

namespace weft {
namespace {

std::string sample_text(size_t n) {
  std::string s;
  while (s.size() < n) s += "level=info msg=\"user logged in\" user=42 ";
  s.resize(n);
  return s;
}

std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

TEST(Gzip, RoundTrip) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{100}, size_t{1} << 20}) {
    std::string data = sample_text(n);
    auto out = gunzip_limited(gzip_compress(data), n + 1);
    ASSERT_TRUE(out.is_ok()) << out.status().to_string();
    EXPECT_EQ(*out, data);
  }
}

TEST(Gzip, RoundTripIncompressible) {
  std::string data = random_bytes(300000, 7);
  auto out = gunzip_limited(gzip_compress(data), data.size());
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();
  EXPECT_EQ(*out, data);
}

TEST(Gzip, WritesGzipHeader) {
  std::string gz = gzip_compress("hello");
  ASSERT_GE(gz.size(), 18u);
  EXPECT_EQ(static_cast<uint8_t>(gz[0]), 0x1f);
  EXPECT_EQ(static_cast<uint8_t>(gz[1]), 0x8b);
}

TEST(Gzip, ExactLimitIsAccepted) {
  std::string data = sample_text(5000);
  auto out = gunzip_limited(gzip_compress(data), 5000);
  ASSERT_TRUE(out.is_ok());
  EXPECT_EQ(out->size(), 5000u);
}

TEST(Gzip, BombIsTooLarge) {
  std::string zeros(50 << 20, '\0');
  std::string gz = gzip_compress(zeros);
  EXPECT_LT(gz.size(), 100u << 10);
  auto out = gunzip_limited(gz, 1 << 20);
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().code(), StatusCode::kTooLarge);
}

TEST(Gzip, DecodesZlibFormat) {
  // zlib-wrapped "hello" (RFC 1950 header 78 9c), as produced by zlib's compress().
  const unsigned char z[] = {0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07,
                             0x00, 0x06, 0x2c, 0x02, 0x15};
  auto out = gunzip_limited(std::string_view(reinterpret_cast<const char*>(z), sizeof z), 100);
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();
  EXPECT_EQ(*out, "hello");
}

TEST(Gzip, ConcatenatedMembers) {
  auto out = gunzip_limited(gzip_compress("abc") + gzip_compress("def"), 100);
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();
  EXPECT_EQ(*out, "abcdef");
}

TEST(Gzip, TrailingGarbageIsInvalid) {
  auto out = gunzip_limited(gzip_compress("abc") + "xyz", 100);
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
}

TEST(Gzip, TruncatedAtEveryOffsetIsInvalid) {
  std::string gz = gzip_compress(sample_text(2000));
  for (size_t n = 0; n < gz.size(); ++n) {
    auto out = gunzip_limited(gz.substr(0, n), 10000);
    ASSERT_FALSE(out.is_ok()) << "prefix " << n;
    EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument) << "prefix " << n;
  }
}

TEST(Gzip, CorruptIsInvalid) {
  EXPECT_EQ(gunzip_limited("not gzip at all", 100).status().code(),
            StatusCode::kInvalidArgument);
  std::string gz = gzip_compress(sample_text(2000));
  gz[gz.size() - 6] ^= 0x55;  // CRC32 of the trailer
  EXPECT_EQ(gunzip_limited(gz, 10000).status().code(), StatusCode::kInvalidArgument);
}

TEST(Gzip, RandomInputNeverCrashes) {
  for (unsigned seed = 0; seed < 200; ++seed) {
    std::string junk = random_bytes(seed * 3, seed);
    if (seed % 2 == 0 && junk.size() >= 2) junk[0] = '\x1f', junk[1] = '\x8b';
    auto out = gunzip_limited(junk, 1 << 16);
    if (out.is_ok()) {
      EXPECT_LE(out->size(), size_t{1} << 16);
    }
  }
}

TEST(Deflate, InflatesRawDeflateAndZlibStreams) {
  std::string data = sample_text(50000);
  auto raw = inflate_deflate_limited(deflate_raw_compress(data), data.size());
  ASSERT_TRUE(raw.is_ok()) << raw.status().to_string();
  EXPECT_EQ(*raw, data);

  std::string zlib(compressBound(data.size()), '\0');
  uLongf zlib_size = zlib.size();
  ASSERT_EQ(compress2(reinterpret_cast<Bytef*>(zlib.data()), &zlib_size,
                      reinterpret_cast<const Bytef*>(data.data()), data.size(), 6),
            Z_OK);
  zlib.resize(zlib_size);
  auto wrapped = inflate_deflate_limited(zlib, data.size());
  ASSERT_TRUE(wrapped.is_ok()) << wrapped.status().to_string();
  EXPECT_EQ(*wrapped, data);
}

TEST(Deflate, LimitTruncationAndTrailingBytes) {
  std::string data = sample_text(50000);
  std::string raw = deflate_raw_compress(data);
  EXPECT_EQ(inflate_deflate_limited(raw, data.size() - 1).status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(inflate_deflate_limited(raw.substr(0, raw.size() / 2), data.size()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(inflate_deflate_limited(raw + "xx", data.size()).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace weft
