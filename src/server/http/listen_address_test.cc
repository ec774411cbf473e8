#include "server/http/listen_address.h"

#include <gtest/gtest.h>

namespace weft::server {
namespace {

TEST(ListenAddressTest, ParsesIpv4) {
  auto endpoints = resolve_listen_address("127.0.0.1:3100");
  ASSERT_TRUE(endpoints);
  ASSERT_EQ(endpoints->size(), 1u);
  EXPECT_EQ(format_endpoint(endpoints->front()), "127.0.0.1:3100");
}

TEST(ListenAddressTest, ParsesBracketedIpv6) {
  auto endpoints = resolve_listen_address("[::1]:4318");
  ASSERT_TRUE(endpoints);
  EXPECT_EQ(format_endpoint(endpoints->front()), "[::1]:4318");
}

TEST(ListenAddressTest, EmptyHostMeansEveryInterface) {
  auto endpoints = resolve_listen_address(":3100");
  ASSERT_TRUE(endpoints);
  EXPECT_EQ(format_endpoint(endpoints->front()), "0.0.0.0:3100");
}

TEST(ListenAddressTest, ResolvesLocalhost) {
  auto endpoints = resolve_listen_address("localhost:0");
  ASSERT_TRUE(endpoints);
  EXPECT_FALSE(endpoints->empty());
}

TEST(ListenAddressTest, RejectsMalformedAddresses) {
  for (const char* bad : {"3100", "127.0.0.1:", "127.0.0.1:x", "127.0.0.1:70000"}) {
    auto endpoints = resolve_listen_address(bad);
    ASSERT_FALSE(endpoints) << bad;
    EXPECT_NE(endpoints.status().message().find(bad), std::string::npos) << bad;
  }
}

}  // namespace
}  // namespace weft::server
