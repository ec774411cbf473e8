#include "server/auth/access_decision.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/auth/token_file.h"

namespace weft::server::auth {
namespace {

using Outcome = AccessDecision::Outcome;

// A token file in a fresh directory with one token per role, tenants as given.
class AccessDecisionTest : public ::testing::Test {
 protected:
  AccessDecisionTest() {
    dir_ = std::filesystem::temp_directory_path() /
           ("weft-auth-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    path_ = (dir_ / "tokens").string();
    std::vector<TokenRecord> records;
    reader_ = add(records, Role::kReader, {"acme"});
    writer_ = add(records, Role::kWriter, {"acme"});
    admin_ = add(records, Role::kAdmin, {"*"});
    multi_ = add(records, Role::kReader, {"acme", "other"});
    EXPECT_TRUE(write_token_file(path_, records).is_ok());
    auto store = TokenStore::open(path_);
    EXPECT_TRUE(store.is_ok());
    store_ = std::move(*store);
  }
  ~AccessDecisionTest() override { std::filesystem::remove_all(dir_); }

  std::string add(std::vector<TokenRecord>& records, Role role, std::vector<std::string> tenants) {
    TokenText text = *generate_token();
    records.push_back({text.id, role, std::move(tenants), sha256_hex(text.secret), 0, "test"});
    return "Bearer " + format_token_text(text);
  }

  AccessDecision decide(const std::string& auth, RouteAccess access,
                        std::optional<std::string_view> tenant = std::nullopt) {
    return decide_access(*store_, auth, access, tenant);
  }

  std::filesystem::path dir_;
  std::string path_;
  std::string reader_, writer_, admin_, multi_;
  std::unique_ptr<TokenStore> store_;
};

TEST_F(AccessDecisionTest, UnknownOrMissingTokensAreUnauthenticated) {
  EXPECT_EQ(decide_access(*store_, std::nullopt, RouteAccess::kQuery, std::nullopt).outcome,
            Outcome::kUnauthenticated);
  EXPECT_EQ(decide("Bearer nope", RouteAccess::kQuery).outcome, Outcome::kUnauthenticated);
  std::string wrong_secret = reader_.substr(0, reader_.size() - 1) +
                             (reader_.back() == '0' ? "1" : "0");
  EXPECT_EQ(decide(wrong_secret, RouteAccess::kQuery).outcome, Outcome::kUnauthenticated);
}

TEST_F(AccessDecisionTest, RolesGateAccess) {
  EXPECT_EQ(decide(reader_, RouteAccess::kQuery).outcome, Outcome::kAllowed);
  EXPECT_EQ(decide(reader_, RouteAccess::kIngest).outcome, Outcome::kForbidden);
  EXPECT_EQ(decide(reader_, RouteAccess::kAdmin).outcome, Outcome::kForbidden);
  EXPECT_EQ(decide(writer_, RouteAccess::kIngest).outcome, Outcome::kAllowed);
  EXPECT_EQ(decide(writer_, RouteAccess::kQuery).outcome, Outcome::kForbidden);
  EXPECT_EQ(decide(admin_, RouteAccess::kAdmin).outcome, Outcome::kAllowed);
}

TEST_F(AccessDecisionTest, TenantsAreBoundToTheToken) {
  auto own = decide(reader_, RouteAccess::kQuery);
  EXPECT_EQ(own.tenant, "acme");  // the one tenant, without a header
  EXPECT_EQ(decide(reader_, RouteAccess::kQuery, "acme").outcome, Outcome::kAllowed);
  EXPECT_EQ(decide(reader_, RouteAccess::kQuery, "other").outcome, Outcome::kForbidden);
  EXPECT_EQ(decide(multi_, RouteAccess::kQuery, "other").tenant, "other");
  EXPECT_EQ(decide(multi_, RouteAccess::kQuery).outcome, Outcome::kForbidden);  // name one
  EXPECT_EQ(decide(admin_, RouteAccess::kQuery, "anyone").tenant, "anyone");
  EXPECT_EQ(decide(admin_, RouteAccess::kQuery).tenant, "default");
}

TEST_F(AccessDecisionTest, OnlyAdminsReadTheAuditTenantAndNobodyWritesIt) {
  EXPECT_EQ(decide(admin_, RouteAccess::kQuery, "_audit").outcome, Outcome::kAllowed);
  EXPECT_EQ(decide(admin_, RouteAccess::kIngest, "_audit").outcome, Outcome::kForbidden);
  EXPECT_EQ(decide(reader_, RouteAccess::kQuery, "_audit").outcome, Outcome::kForbidden);
  EXPECT_EQ(decide(writer_, RouteAccess::kIngest, "_audit").outcome, Outcome::kForbidden);
}

TEST_F(AccessDecisionTest, RevokedTokensStopWorkingWithoutARestart) {
  ASSERT_EQ(decide(reader_, RouteAccess::kQuery).outcome, Outcome::kAllowed);
  auto records = read_token_file(path_);
  ASSERT_TRUE(records.is_ok());
  records->erase(records->begin());  // the reader
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_TRUE(write_token_file(path_, *records).is_ok());
  EXPECT_EQ(decide(reader_, RouteAccess::kQuery).outcome, Outcome::kUnauthenticated);
  EXPECT_EQ(decide(writer_, RouteAccess::kIngest).outcome, Outcome::kAllowed);
}

TEST_F(AccessDecisionTest, MalformedFileNamesTheLine) {
  std::ofstream(path_, std::ios::app) << "garbage\n";
  auto store = TokenStore::open(path_);
  ASSERT_FALSE(store.is_ok());
  EXPECT_NE(store.status().message().find(":7:"), std::string::npos) << store.status().message();
}

}  // namespace
}  // namespace weft::server::auth
