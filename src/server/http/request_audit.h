// RequestAuditor: where the Router reports every request to a query or admin route (the
// routes whose RouteAccess is kQuery or kAdmin), admitted or denied, once it is answered: the
// audit log (server/audit/audit_log.h). Ingest and public routes are not reported.
//
// Thread safety: record() is called concurrently, from whichever thread answered.
#pragma once

#include <cstdint>
#include <string>

#include "common/time.h"
#include "server/http/route_access.h"

namespace weft::server {

struct AuditedRequest {
  UnixNanos time_unix_nano = 0;  // when the request reached the router
  std::string method;            // "GET"
  std::string target;            // path and query string, as sent
  std::string endpoint;          // the route pattern: "/api/v1/traces/{trace_id}"
  RouteAccess access = RouteAccess::kAdmin;
  std::string token_id;          // "" with auth off, or when no known token was sent
  std::string tenant;            // X-Scope-OrgID after the guard ("": none; with auth on, the
                                 // tenant the token was bound to)
  int status = 0;                // the HTTP status answered
  int64_t duration_ns = 0;       // from reaching the router to the answer
};

class RequestAuditor {
 public:
  virtual ~RequestAuditor() = default;
  virtual void record(AuditedRequest request) = 0;
};

}  // namespace weft::server
