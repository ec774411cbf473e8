#include "server/api/tenant.h"

namespace weft::server::api {

namespace {

constexpr size_t kMaxTenantLength = 150;

bool is_tenant_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

}  // namespace

bool is_valid_tenant(std::string_view tenant) {
  if (tenant.empty() || tenant.size() > kMaxTenantLength) return false;
  if (tenant == "." || tenant == "..") return false;  // they would name directories
  for (char c : tenant)
    if (!is_tenant_char(c)) return false;
  return true;
}

Result<std::string> request_tenant(const HttpRequestHeader& header) {
  auto it = header.find(kTenantHeader);
  if (it == header.end()) return std::string(kDefaultTenant);
  std::string_view tenant(it->value().data(), it->value().size());
  if (!is_valid_tenant(tenant))
    return Status::invalid(std::string(kTenantHeader) +
                           ": a tenant id is 1-150 characters of A-Z a-z 0-9 _ . -, and not \".\" or \"..\"");
  return std::string(tenant);
}

}  // namespace weft::server::api
