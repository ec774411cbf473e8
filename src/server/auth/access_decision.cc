#include "server/auth/access_decision.h"

#include <algorithm>
#include <cctype>

#include "common/base64.h"
#include "server/api/tenant.h"

namespace weft::server::auth {

namespace {

using Outcome = AccessDecision::Outcome;

bool has_scheme(std::string_view value, std::string_view scheme) {
  if (value.size() <= scheme.size() || value[scheme.size()] != ' ') return false;
  return std::equal(scheme.begin(), scheme.end(), value.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

AccessDecision denied(Outcome outcome, std::string message, std::string token_id = {}) {
  return {outcome, std::move(message), {}, std::move(token_id)};
}

}  // namespace

std::optional<std::string> token_from_authorization(std::string_view value) {
  for (std::string_view scheme : {"Bearer", "Splunk"})
    if (has_scheme(value, scheme)) return std::string(trim(value.substr(scheme.size() + 1)));
  if (!has_scheme(value, "Basic")) return std::nullopt;
  auto decoded = base64_decode(trim(value.substr(6)));
  if (!decoded) return std::nullopt;
  size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  std::string password = decoded->substr(colon + 1);
  return password.empty() ? decoded->substr(0, colon) : password;
}

bool role_allows(Role role, RouteAccess access) {
  switch (access) {
    case RouteAccess::kPublic: return true;
    case RouteAccess::kIngest: return role == Role::kWriter || role == Role::kAdmin;
    case RouteAccess::kQuery: return role == Role::kReader || role == Role::kAdmin;
    case RouteAccess::kAdmin: return role == Role::kAdmin;
  }
  return false;
}

AccessDecision decide_access(const TokenStore& tokens, std::optional<std::string_view> authorization,
                             RouteAccess access, std::optional<std::string_view> tenant_named) {
  if (!authorization)
    return denied(Outcome::kUnauthenticated,
                  "authentication required: send Authorization: Bearer <token>");
  auto token_text = token_from_authorization(*authorization);
  if (!token_text)
    return denied(Outcome::kUnauthenticated,
                  "unsupported Authorization header: use Bearer <token>, Basic (the token as "
                  "password) or Splunk <token>");
  auto token = tokens.authenticate(*token_text);
  if (!token) return denied(Outcome::kUnauthenticated, "invalid token");
  if (!role_allows(token->role, access))
    return denied(Outcome::kForbidden,
                  "a " + std::string(to_string(token->role)) + " token may not use this " +
                      std::string(to_string(access)) + " endpoint",
                  token->id);
  std::string tenant;
  if (tenant_named) {
    tenant = std::string(*tenant_named);
  } else if (token->tenants.size() == 1 && token->tenants.front() != kAnyTenant) {
    tenant = token->tenants.front();
  } else {
    tenant = std::string(api::kDefaultTenant);
  }
  if (tenant == api::kAuditTenant && access == RouteAccess::kIngest)
    return denied(Outcome::kForbidden,
                  "tenant \"" + tenant + "\" is reserved for weft's audit log: nobody ingests into it",
                  token->id);
  if (tenant == api::kAuditTenant && token->role != Role::kAdmin)
    return denied(Outcome::kForbidden, "only admin tokens may read the audit log", token->id);
  if (!token->allows_tenant(tenant))
    return denied(Outcome::kForbidden,
                  "this token may not act for tenant \"" + tenant + "\"" +
                      (tenant_named ? "" : "; name one of its tenants in X-Scope-OrgID"),
                  token->id);
  return {Outcome::kAllowed, {}, std::move(tenant), token->id};
}

}  // namespace weft::server::auth
