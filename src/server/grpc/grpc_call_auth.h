// Authentication of gRPC calls when auth is on: the metadata entry "authorization" (Bearer,
// Basic or Splunk, as on HTTP) checked with auth::decide_access() for an ingest endpoint, and
// the tenant bound like HTTP's X-Scope-OrgID (metadata x-scope-orgid).
//
// Thread-safe (the TokenStore is).
#pragma once

#include <optional>
#include <string>

#include <grpcpp/support/status.h>

#include "server/auth/token_store.h"
#include "server/http/route_access.h"

namespace grpc {
class ServerContextBase;
}  // namespace grpc

namespace weft::server {

// nullopt when the call may proceed (then *tenant is the tenant it acts for); else the status
// to finish it with: UNAUTHENTICATED or PERMISSION_DENIED.
std::optional<grpc::Status> authorize_call(const grpc::ServerContextBase& context,
                                           const auth::TokenStore& tokens, RouteAccess access,
                                           std::string* tenant);

}  // namespace weft::server
