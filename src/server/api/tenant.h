// Tenants: every request belongs to the tenant named by its X-Scope-OrgID header, or to
// "default" without one (docs/api.md, "Tenants").
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "server/http/http_types.h"

namespace weft::server::api {

inline constexpr std::string_view kTenantHeader = "X-Scope-OrgID";
inline constexpr std::string_view kDefaultTenant = "default";

// 1-150 characters of A-Z a-z 0-9 _ . -, and not "." or ".." (a tenant names a directory).
bool is_valid_tenant(std::string_view tenant);

// The tenant of a request; kInvalidArgument (a message for the client) for a bad header.
Result<std::string> request_tenant(const HttpRequestHeader& header);

}  // namespace weft::server::api
