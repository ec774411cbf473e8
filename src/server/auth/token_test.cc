#include "server/auth/token.h"

#include <gtest/gtest.h>

#include "common/base64.h"
#include "server/auth/access_decision.h"

namespace weft::server::auth {
namespace {

TEST(TokenTest, GeneratedTokensRoundTripAndDiffer) {
  auto a = generate_token();
  auto b = generate_token();
  ASSERT_TRUE(a.is_ok());
  ASSERT_TRUE(b.is_ok());
  EXPECT_NE(a->secret, b->secret);
  std::string text = format_token_text(*a);
  EXPECT_EQ(text.substr(0, 5), "weft_");
  auto parsed = parse_token_text(text);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->id, a->id);
  EXPECT_EQ(parsed->secret, a->secret);
}

TEST(TokenTest, RejectsMalformedText) {
  std::string secret(64, 'a');
  EXPECT_TRUE(parse_token_text("weft_0123456789ab_" + secret));
  EXPECT_FALSE(parse_token_text("weft_0123456789a_" + secret));         // short id
  EXPECT_FALSE(parse_token_text("weft_0123456789ab_" + secret + "0"));  // long secret
  EXPECT_FALSE(parse_token_text("weft_0123456789AB_" + secret));        // upper case
  EXPECT_FALSE(parse_token_text("wef_0123456789ab_" + secret));
  EXPECT_FALSE(parse_token_text(""));
}

TEST(TokenTest, HashesWithSha256AndComparesSecrets) {
  // SHA-256("abc") from FIPS 180-2.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(secret_matches("abc", sha256_hex("abc")));
  EXPECT_FALSE(secret_matches("abd", sha256_hex("abc")));
  EXPECT_FALSE(secret_matches("abc", ""));
}

TEST(TokenTest, ParsesTenantLists) {
  EXPECT_EQ(*parse_tenant_list("acme"), std::vector<std::string>{"acme"});
  EXPECT_EQ(*parse_tenant_list("acme,other"), (std::vector<std::string>{"acme", "other"}));
  EXPECT_EQ(*parse_tenant_list("*"), std::vector<std::string>{"*"});
  EXPECT_FALSE(parse_tenant_list("acme,").is_ok());
  EXPECT_FALSE(parse_tenant_list("a b").is_ok());
  EXPECT_FALSE(parse_tenant_list("").is_ok());
}

TEST(TokenTest, RolesAndAccess) {
  EXPECT_EQ(parse_role("writer"), Role::kWriter);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_TRUE(role_allows(Role::kWriter, RouteAccess::kIngest));
  EXPECT_FALSE(role_allows(Role::kWriter, RouteAccess::kQuery));
  EXPECT_FALSE(role_allows(Role::kWriter, RouteAccess::kAdmin));
  EXPECT_TRUE(role_allows(Role::kReader, RouteAccess::kQuery));
  EXPECT_FALSE(role_allows(Role::kReader, RouteAccess::kIngest));
  EXPECT_FALSE(role_allows(Role::kReader, RouteAccess::kAdmin));
  for (auto access : {RouteAccess::kIngest, RouteAccess::kQuery, RouteAccess::kAdmin})
    EXPECT_TRUE(role_allows(Role::kAdmin, access));
}

TEST(TokenTest, ReadsTokensFromAuthorizationValues) {
  EXPECT_EQ(token_from_authorization("Bearer weft_x"), "weft_x");
  EXPECT_EQ(token_from_authorization("bearer  weft_x "), "weft_x");
  EXPECT_EQ(token_from_authorization("Splunk weft_x"), "weft_x");
  EXPECT_EQ(token_from_authorization("Basic " + base64_encode("grafana:weft_x")), "weft_x");
  EXPECT_EQ(token_from_authorization("Basic " + base64_encode("weft_x:")), "weft_x");
  EXPECT_FALSE(token_from_authorization("Basic !!!"));
  EXPECT_FALSE(token_from_authorization("Digest abc"));
  EXPECT_FALSE(token_from_authorization("Bearer"));
}

}  // namespace
}  // namespace weft::server::auth
