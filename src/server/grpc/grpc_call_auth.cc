#include "server/grpc/grpc_call_auth.h"

#include <grpcpp/server_context.h>

#include "ingest/otlp/otlp_grpc.h"
#include "server/auth/access_decision.h"

namespace weft::server {

namespace {

std::optional<std::string_view> metadata_value(const grpc::ServerContextBase& context,
                                               std::string_view key) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return std::nullopt;
  return std::string_view(it->second.data(), it->second.size());
}

}  // namespace

std::optional<grpc::Status> authorize_call(const grpc::ServerContextBase& context,
                                           const auth::TokenStore& tokens, RouteAccess access,
                                           std::string* tenant) {
  auth::AccessDecision decision =
      auth::decide_access(tokens, metadata_value(context, "authorization"), access,
                          metadata_value(context, ingest::kOtlpGrpcTenantKey));
  switch (decision.outcome) {
    case auth::AccessDecision::Outcome::kUnauthenticated:
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, decision.message);
    case auth::AccessDecision::Outcome::kForbidden:
      return grpc::Status(grpc::StatusCode::PERMISSION_DENIED, decision.message);
    case auth::AccessDecision::Outcome::kAllowed: break;
  }
  *tenant = std::move(decision.tenant);
  return std::nullopt;
}

}  // namespace weft::server
