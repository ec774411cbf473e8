#include "server/audit/audit_log.h"

#include <cerrno>
#include <cstring>

#include "server/api/tenant.h"
#include "server/audit/audit_record.h"

namespace weft::server::audit {

Result<std::shared_ptr<AuditLog>> AuditLog::open(IngestGate& gate, const std::string& file) {
  std::FILE* f = nullptr;
  if (!file.empty()) {
    f = std::fopen(file.c_str(), "a");
    if (!f) return Status::io_error("audit.file: cannot open " + file + ": " + std::strerror(errno));
  }
  return std::shared_ptr<AuditLog>(new AuditLog(gate, f));
}

AuditLog::AuditLog(IngestGate& gate, std::FILE* file)
    : door_(gate, "audit"),
      resource_(std::make_shared<const Resource>(
          Resource{{{"service.name", std::string(kAuditService)}}, 0, ""})),
      scope_(std::make_shared<const Scope>(Scope{"weft.audit", "", {}, 0, ""})),
      file_(file) {}

AuditLog::~AuditLog() {
  if (file_) std::fclose(file_);
}

void AuditLog::record(AuditedRequest request) {
  if (file_) {
    std::string line = audit_json_line(request);
    std::lock_guard lock(file_mu_);
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
  }
  LogBatch batch;
  batch.tenant = std::string(api::kAuditTenant);
  batch.records.push_back(audit_log_record(request, resource_, scope_));
  door_.submit(std::move(batch), 0, [](const Status&) {});
}

}  // namespace weft::server::audit
