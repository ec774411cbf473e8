#include "server/audit/audit_record.h"

#include "common/json_writer.h"
#include "model/severity.h"
#include "server/api/tenant.h"

namespace weft::server::audit {

std::string audited_tenant(const AuditedRequest& request) {
  return request.tenant.empty() ? std::string(api::kDefaultTenant) : request.tenant;
}

LogRecord audit_log_record(const AuditedRequest& request, ResourcePtr resource, ScopePtr scope) {
  LogRecord record;
  record.time_unix_nano = request.time_unix_nano;
  record.observed_time_unix_nano = request.time_unix_nano;
  bool failed = request.status >= 400;
  record.severity_number = failed ? 13 : 9;  // WARN for refusals and errors, else INFO
  record.severity_text = failed ? "WARN" : "INFO";
  record.body = request.method + " " + request.target + " -> " + std::to_string(request.status);
  record.attributes = {
      {"audit.token_id", request.token_id},
      {"audit.tenant", audited_tenant(request)},
      {"audit.method", request.method},
      {"audit.endpoint", request.endpoint},
      {"audit.target", request.target},
      {"audit.access", std::string(to_string(request.access))},
      {"audit.status", static_cast<int64_t>(request.status)},
      {"audit.duration_ms", static_cast<double>(request.duration_ns) / 1e6},
  };
  record.resource = std::move(resource);
  record.scope = std::move(scope);
  return record;
}

std::string audit_json_line(const AuditedRequest& request) {
  JsonWriter w;
  w.begin_object();
  w.key("time");
  w.value(format_rfc3339_nanos(request.time_unix_nano));
  w.key("token_id");
  w.value(request.token_id);
  w.key("tenant");
  w.value(audited_tenant(request));
  w.key("method");
  w.value(request.method);
  w.key("endpoint");
  w.value(request.endpoint);
  w.key("target");
  w.value(request.target);
  w.key("access");
  w.value(to_string(request.access));
  w.key("status");
  w.value(static_cast<int64_t>(request.status));
  w.key("duration_ms");
  w.value(static_cast<double>(request.duration_ns) / 1e6);
  w.end_object();
  return w.take() + "\n";
}

}  // namespace weft::server::audit
