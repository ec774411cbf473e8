#include "app/auth_setup.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "server/auth/token_file.h"

namespace weft::app {
namespace {

TEST(AuthSetupTest, LoopbackAddresses) {
  EXPECT_TRUE(is_loopback_address("127.0.0.1:3100"));
  EXPECT_TRUE(is_loopback_address("127.1.2.3:0"));
  EXPECT_TRUE(is_loopback_address("[::1]:3100"));
  EXPECT_TRUE(is_loopback_address("localhost:3100"));
  EXPECT_TRUE(is_loopback_address(""));  // disabled
  EXPECT_FALSE(is_loopback_address("0.0.0.0:3100"));
  EXPECT_FALSE(is_loopback_address(":3100"));
  EXPECT_FALSE(is_loopback_address("[::]:3100"));
  EXPECT_FALSE(is_loopback_address("10.0.0.5:3100"));
}

TEST(AuthSetupTest, ExposedListenerNamesTheSetting) {
  Config config;
  EXPECT_EQ(exposed_listener(config), "");
  config.syslog_listen = "0.0.0.0:5514";
  EXPECT_EQ(exposed_listener(config), "syslog.listen=0.0.0.0:5514");
}

class ServeTokenStoreTest : public ::testing::Test {
 protected:
  ServeTokenStoreTest() {
    config_.data_dir = (std::filesystem::temp_directory_path() /
                        ("weft-auth-setup-" + std::to_string(::getpid()) + "-" +
                         ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                           .string();
    std::filesystem::remove_all(config_.data_dir);
  }
  ~ServeTokenStoreTest() override { std::filesystem::remove_all(config_.data_dir); }
  Config config_;
};

TEST_F(ServeTokenStoreTest, OffOnLoopbackByDefault) {
  auto store = serve_token_store(config_);
  ASSERT_TRUE(store.is_ok());
  EXPECT_EQ(*store, nullptr);
}

TEST_F(ServeTokenStoreTest, BeyondLoopbackWithoutTokensIsAnError) {
  config_.listen = "0.0.0.0:3100";
  auto store = serve_token_store(config_);
  ASSERT_FALSE(store.is_ok());
  EXPECT_NE(store.status().message().find("listen=0.0.0.0:3100 binds beyond loopback"),
            std::string::npos);
  EXPECT_NE(store.status().message().find("weft token create"), std::string::npos);
  config_.auth_enabled = "false";  // explicitly off
  auto off = serve_token_store(config_);
  ASSERT_TRUE(off.is_ok());
  EXPECT_EQ(*off, nullptr);
}

TEST_F(ServeTokenStoreTest, OnWithTokens) {
  config_.auth_enabled = "true";
  EXPECT_FALSE(serve_token_store(config_).is_ok());
  auto text = server::auth::generate_token();
  ASSERT_TRUE(text.is_ok());
  server::auth::TokenRecord record{text->id, server::auth::Role::kAdmin, {"*"},
                                   server::auth::sha256_hex(text->secret), 0, "t"};
  ASSERT_TRUE(server::auth::write_token_file(tokens_file_path(config_), {record}).is_ok());
  auto store = serve_token_store(config_);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  ASSERT_NE(*store, nullptr);
  EXPECT_TRUE((*store)->authenticate(server::auth::format_token_text(*text)).has_value());
}

}  // namespace
}  // namespace weft::app
