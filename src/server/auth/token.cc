#include "server/auth/token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

#include "common/hex.h"
#include "server/api/tenant.h"

namespace weft::server::auth {

namespace {

constexpr std::string_view kPrefix = "weft_";
constexpr size_t kIdBytes = 6;
constexpr size_t kSecretBytes = 32;

bool is_lower_hex(std::string_view text, size_t length) {
  return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Result<std::string> random_hex(size_t bytes) {
  std::string buffer(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(buffer.data()), static_cast<int>(bytes)) != 1)
    return Status::internal("no randomness available for a token (OpenSSL RAND_bytes failed)");
  return to_hex(buffer);
}

}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kReader: return "reader";
    case Role::kWriter: return "writer";
    case Role::kAdmin: return "admin";
  }
  return "reader";
}

std::optional<Role> parse_role(std::string_view text) {
  for (Role role : {Role::kReader, Role::kWriter, Role::kAdmin})
    if (text == to_string(role)) return role;
  return std::nullopt;
}

bool TokenRecord::allows_tenant(std::string_view tenant) const {
  return std::any_of(tenants.begin(), tenants.end(),
                     [&](const std::string& t) { return t == kAnyTenant || t == tenant; });
}

std::optional<TokenText> parse_token_text(std::string_view text) {
  if (text.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  text.remove_prefix(kPrefix.size());
  size_t sep = text.find('_');
  if (sep == std::string_view::npos) return std::nullopt;
  std::string_view id = text.substr(0, sep), secret = text.substr(sep + 1);
  if (!is_lower_hex(id, kIdBytes * 2) || !is_lower_hex(secret, kSecretBytes * 2))
    return std::nullopt;
  return TokenText{std::string(id), std::string(secret)};
}

std::string format_token_text(const TokenText& token) {
  return std::string(kPrefix) + token.id + "_" + token.secret;
}

Result<TokenText> generate_token() {
  auto id = random_hex(kIdBytes);
  if (!id) return id.status();
  auto secret = random_hex(kSecretBytes);
  if (!secret) return secret.status();
  return TokenText{std::move(*id), std::move(*secret)};
}

std::string sha256_hex(std::string_view secret) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(secret.data(), secret.size(), digest, &length, EVP_sha256(), nullptr);
  return to_hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

bool secret_matches(std::string_view secret, std::string_view expected_sha256) {
  std::string actual = sha256_hex(secret);
  return actual.size() == expected_sha256.size() &&
         CRYPTO_memcmp(actual.data(), expected_sha256.data(), actual.size()) == 0;
}

Result<std::vector<std::string>> parse_tenant_list(std::string_view text) {
  if (text == kAnyTenant) return std::vector<std::string>{std::string(kAnyTenant)};
  std::vector<std::string> tenants;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = std::min(text.find(',', pos), text.size());
    std::string_view tenant = text.substr(pos, comma - pos);
    if (!api::is_valid_tenant(tenant))
      return Status::invalid("bad tenant \"" + std::string(tenant) +
                             "\": a tenant id is 1-150 characters of A-Z a-z 0-9 _ . -, or * "
                             "for every tenant");
    tenants.emplace_back(tenant);
    pos = comma + 1;
  }
  return tenants;
}

}  // namespace weft::server::auth
