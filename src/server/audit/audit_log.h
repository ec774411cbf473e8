// AuditLog: weft's audit log (docs/security.md, "Audit log"). Every request to a query or
// admin route (Router::set_auditor) is stored as a log record in the reserved tenant "_audit"
// (api::kAuditTenant: only admin tokens may read it, nobody may ingest into it), through its
// own IngestDoor ("audit" in the ingest metrics), and, with a file, appended to it as a JSON
// line. An entry the store refuses (starting, stopping, backpressure) is counted by the door
// and still written to the file.
//
// Thread safety: record() from any thread; the file is appended under a mutex.
#pragma once

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "common/status.h"
#include "server/http/request_audit.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server::audit {

class AuditLog final : public RequestAuditor {
 public:
  // `file`: "" for none; else opened for appending (created if missing), an error when it
  // cannot be. `gate` must outlive the log.
  static Result<std::shared_ptr<AuditLog>> open(IngestGate& gate, const std::string& file);
  ~AuditLog() override;

  void record(AuditedRequest request) override;

 private:
  AuditLog(IngestGate& gate, std::FILE* file);

  IngestDoor door_;
  ResourcePtr resource_;
  ScopePtr scope_;
  std::mutex file_mu_;
  std::FILE* file_;  // guarded by file_mu_; nullptr without a file
};

}  // namespace weft::server::audit
