#include "server/api/tenant.h"

#include <gtest/gtest.h>

namespace weft::server::api {
namespace {

TEST(TenantTest, ValidatesCharactersAndLength) {
  EXPECT_TRUE(is_valid_tenant("team-a_1.prod"));
  EXPECT_TRUE(is_valid_tenant(std::string(150, 'a')));
  EXPECT_FALSE(is_valid_tenant(""));
  EXPECT_FALSE(is_valid_tenant("."));
  EXPECT_FALSE(is_valid_tenant(".."));
  EXPECT_TRUE(is_valid_tenant("..a"));
  EXPECT_FALSE(is_valid_tenant(std::string(151, 'a')));
  EXPECT_FALSE(is_valid_tenant("a b"));
  EXPECT_FALSE(is_valid_tenant("a/b"));
  EXPECT_FALSE(is_valid_tenant("a|b"));
}

TEST(TenantTest, DefaultsWithoutTheHeader) {
  HttpRequestHeader header;
  EXPECT_EQ(*request_tenant(header), "default");
}

TEST(TenantTest, ReadsTheHeaderCaseInsensitively) {
  HttpRequestHeader header;
  header.set("x-scope-orgid", "acme");
  EXPECT_EQ(*request_tenant(header), "acme");
}

TEST(TenantTest, RejectsBadOrEmptyIds) {
  HttpRequestHeader header;
  header.set("X-Scope-OrgID", "a,b");
  EXPECT_FALSE(request_tenant(header));
  header.set("X-Scope-OrgID", "");
  EXPECT_FALSE(request_tenant(header));
}

}  // namespace
}  // namespace weft::server::api
