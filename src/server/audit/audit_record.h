// What an audited request becomes: a log record of the reserved audit tenant (service
// weft-audit; body "GET /api/v1/logs?service=x -> 200"; the details as attributes
// audit.token_id, audit.tenant, audit.method, audit.endpoint, audit.target, audit.access,
// audit.status, audit.duration_ms), and a JSON line for the audit file with the same fields.
//
// Pure; thread-safe.
#pragma once

#include <string>

#include "model/log_record.h"
#include "server/http/request_audit.h"

namespace weft::server::audit {

inline constexpr std::string_view kAuditService = "weft-audit";

// The request's tenant: its X-Scope-OrgID, "default" without one.
std::string audited_tenant(const AuditedRequest& request);

LogRecord audit_log_record(const AuditedRequest& request, ResourcePtr resource, ScopePtr scope);

std::string audit_json_line(const AuditedRequest& request);

}  // namespace weft::server::audit
