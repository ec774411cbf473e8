#include "server/auth/token_guard.h"

#include "server/api/tenant.h"
#include "server/auth/access_decision.h"

namespace weft::server::auth {

namespace {

std::optional<std::string_view> header_value(const HttpRequest& request, std::string_view name) {
  auto it = request.find(name);
  if (it == request.end()) return std::nullopt;
  return std::string_view(it->value().data(), it->value().size());
}

}  // namespace

std::optional<AccessDenial> TokenGuard::admit(RouteAccess access, HttpRequest& request) const {
  request.erase(kTokenIdHeader);
  AccessDecision decision =
      decide_access(*tokens_, header_value(request, "Authorization"), access,
                    header_value(request, api::kTenantHeader));
  if (!decision.token_id.empty()) request.set(kTokenIdHeader, decision.token_id);  // audit
  switch (decision.outcome) {
    case AccessDecision::Outcome::kUnauthenticated:
      return AccessDenial{http::status::unauthorized, std::move(decision.message)};
    case AccessDecision::Outcome::kForbidden:
      return AccessDenial{http::status::forbidden, std::move(decision.message)};
    case AccessDecision::Outcome::kAllowed: break;
  }
  request.set(api::kTenantHeader, decision.tenant);
  return std::nullopt;
}

}  // namespace weft::server::auth
