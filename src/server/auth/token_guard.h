// TokenGuard: the RouteGuard of weft's HTTP listeners when auth is on. Reads the request's
// Authorization header and X-Scope-OrgID, decides with decide_access(), and on success sets
// X-Scope-OrgID to the tenant decided (so every handler's request_tenant() sees the token's
// tenant) and, whenever the token is known (also when refused), X-Weft-Token-Id to its id
// (for the audit log; any such header a client sent is removed first).
//
// Thread safety: admit() concurrently from io threads (the TokenStore is thread-safe).
#pragma once

#include <memory>

#include "server/auth/token_store.h"
#include "server/http/route_access.h"

namespace weft::server::auth {

class TokenGuard final : public RouteGuard {
 public:
  explicit TokenGuard(std::shared_ptr<const TokenStore> tokens) : tokens_(std::move(tokens)) {}

  std::optional<AccessDenial> admit(RouteAccess access, HttpRequest& request) const override;

 private:
  std::shared_ptr<const TokenStore> tokens_;
};

}  // namespace weft::server::auth
