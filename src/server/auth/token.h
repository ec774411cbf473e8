// API tokens: what a token is (an id, a role, the tenants it may act for, the SHA-256 of its
// secret) and how its text looks: "weft_<id>_<secret>", the id 12 and the secret 64 lowercase
// hex characters (6 and 32 random bytes). Only the hash of the secret is ever stored; the
// token text is shown once, when it is created (docs/security.md).
//
// Pure functions and plain values; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace weft::server::auth {

// writer: ingest only; reader: query only; admin: everything.
enum class Role { kReader, kWriter, kAdmin };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

// "*" in a token's tenants: every tenant.
inline constexpr std::string_view kAnyTenant = "*";

struct TokenRecord {
  std::string id;           // 12 hex characters
  Role role = Role::kReader;
  std::vector<std::string> tenants;  // valid tenant ids, or the one entry "*"
  std::string secret_sha256;         // 64 hex characters
  int64_t created_unix = 0;          // seconds
  std::string name;                  // free text for people; no tabs or newlines

  bool allows_tenant(std::string_view tenant) const;
};

// The parts of a token's text.
struct TokenText {
  std::string id;
  std::string secret;
};

// nullopt unless `text` is "weft_<12 hex>_<64 hex>".
std::optional<TokenText> parse_token_text(std::string_view text);
std::string format_token_text(const TokenText& token);

// A new random id and secret (OpenSSL's RAND_bytes); kInternal when no randomness is available.
Result<TokenText> generate_token();

// Lowercase hex SHA-256 of `secret`.
std::string sha256_hex(std::string_view secret);

// Whether `secret` hashes to `expected_sha256` (compared in constant time).
bool secret_matches(std::string_view secret, std::string_view expected_sha256);

// "acme", "acme,other" or "*" into tenant ids; kInvalidArgument naming a bad one.
Result<std::vector<std::string>> parse_tenant_list(std::string_view text);

}  // namespace weft::server::auth
