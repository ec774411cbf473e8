#include "server/grpc/grpc_call_context.h"

#include <grpcpp/server_context.h>

#include <optional>
#include <string_view>

#include "ingest/otlp/otlp_grpc.h"
#include "server/api/tenant.h"

namespace weft::server {

Result<std::string> call_tenant(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  std::string key(ingest::kOtlpGrpcTenantKey);
  auto [first, last] = metadata.equal_range(grpc::string_ref(key));
  if (first == last) return api::tenant_from_header_value(std::nullopt);
  if (std::next(first) != last)
    return Status::invalid(key + ": given more than once; a call belongs to one tenant");
  return api::tenant_from_header_value(std::string_view(first->second.data(), first->second.size()));
}

bool deadline_passed(const grpc::ServerContextBase& context,
                     std::chrono::system_clock::time_point now) {
  return context.deadline() <= now;
}

}  // namespace weft::server
