// What an OTLP/gRPC call tells weft besides its message: the tenant, from the metadata entry
// x-scope-orgid (validated like the X-Scope-OrgID header of HTTP requests; the default tenant
// without one), and whether the call's deadline (grpc-timeout) has passed.
#pragma once

#include <chrono>
#include <string>

#include "common/status.h"

namespace grpc {
class ServerContextBase;
}  // namespace grpc

namespace weft::server {

// kInvalidArgument for a bad tenant id, or for more than one x-scope-orgid entry.
Result<std::string> call_tenant(const grpc::ServerContextBase& context);

// Whether the client's deadline is at or before `now` (never, for a call without one).
bool deadline_passed(const grpc::ServerContextBase& context,
                     std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace weft::server
