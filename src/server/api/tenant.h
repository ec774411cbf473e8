// Tenants: every request belongs to the tenant named by its X-Scope-OrgID header, or to
// "default" without one (docs/api.md, "Tenants").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "server/http/http_types.h"
#include "server/http/route_access.h"

namespace weft::server::api {

inline constexpr std::string_view kTenantHeader = kTenantHeaderName;
inline constexpr std::string_view kDefaultTenant = "default";
// The reserved tenant of weft's audit log (server/audit): with auth on, only admin tokens may
// read it and no token may ingest into it.
inline constexpr std::string_view kAuditTenant = "_audit";

// 1-150 characters of A-Z a-z 0-9 _ . -, and not "." or ".." (a tenant names a directory).
bool is_valid_tenant(std::string_view tenant);

// The tenant of a request; kInvalidArgument (a message for the client) for a bad header.
Result<std::string> request_tenant(const HttpRequestHeader& header);

// The tenant named by the value of an X-Scope-OrgID header (or gRPC metadata entry), the
// default one when there is none; kInvalidArgument for a bad value.
Result<std::string> tenant_from_header_value(std::optional<std::string_view> value);

}  // namespace weft::server::api
