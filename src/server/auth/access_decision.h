// The access decision shared by every protocol (HTTP routes through TokenGuard, OTLP/gRPC
// calls): given the credentials a request carried, the access its endpoint needs and the
// tenant it names, whether it may proceed and for which tenant.
//
//   no or unknown token             -> kUnauthenticated (401, gRPC UNAUTHENTICATED)
//   role lacks the access           -> kForbidden       (403, gRPC PERMISSION_DENIED)
//   tenant named, not the token's   -> kForbidden
//   no tenant named                 -> the token's one tenant; "default" if the token allows
//                                      it; else kForbidden (the token has several: name one)
//   the audit tenant "_audit"       -> kForbidden for ingest, and for any non-admin token
//
// Pure apart from TokenStore lookups; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/auth/token_store.h"
#include "server/http/route_access.h"

namespace weft::server::auth {

struct AccessDecision {
  enum class Outcome { kAllowed, kUnauthenticated, kForbidden };
  Outcome outcome = Outcome::kUnauthenticated;
  std::string message;    // for the client, when not allowed
  std::string tenant;     // when allowed: the tenant the request acts for
  std::string token_id;   // when the token was known
};

// The token in an Authorization header (or gRPC "authorization" metadata) value:
// "Bearer <token>", "Splunk <token>" or "Basic base64(user:token)" (the password; the user
// name when the password is empty). nullopt for anything else.
std::optional<std::string> token_from_authorization(std::string_view value);

// Whether `role` may use an endpoint that needs `access`.
bool role_allows(Role role, RouteAccess access);

AccessDecision decide_access(const TokenStore& tokens, std::optional<std::string_view> authorization,
                             RouteAccess access, std::optional<std::string_view> tenant_named);

}  // namespace weft::server::auth
