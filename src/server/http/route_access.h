// RouteAccess: what a route needs from the caller, declared when the route is registered
// (Router::AccessScope), and RouteGuard: what enforces it before the handler runs.
//
//   kPublic  anyone, even with auth on (/ready, the web UI's files, the HEC health check)
//   kIngest  a writer or admin token
//   kQuery   a reader or admin token
//   kAdmin   an admin token; also every route registered outside an AccessScope (fail safe)
//
// Thread safety: RouteGuard::admit is called concurrently from io threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/http/http_types.h"

namespace weft::server {

enum class RouteAccess { kPublic, kIngest, kQuery, kAdmin };

// The header naming a request's tenant (api/tenant.h), which a guard that admits a request
// sets to the tenant decided, and the one it sets to the id of the token that was checked
// (any such header a client sent is removed first).
inline constexpr std::string_view kTenantHeaderName = "X-Scope-OrgID";
inline constexpr std::string_view kTokenIdHeader = "X-Weft-Token-Id";

std::string_view to_string(RouteAccess access);

// Why a request may not reach its handler: 401 (no or unknown credentials) or 403 (a token
// of the wrong role or tenant), with a message for the client.
struct AccessDenial {
  http::status status = http::status::unauthorized;
  std::string message;
};

class RouteGuard {
 public:
  virtual ~RouteGuard() = default;
  // Checks `request` against `access` (never kPublic). May rewrite the request's headers (the
  // tenant a token is bound to). nullopt admits the request.
  virtual std::optional<AccessDenial> admit(RouteAccess access, HttpRequest& request) const = 0;
};

}  // namespace weft::server
