#include "server/audit/audit_record.h"

#include <gtest/gtest.h>

namespace weft::server::audit {
namespace {

AuditedRequest sample() {
  AuditedRequest r;
  r.time_unix_nano = 1'700'000'000'123'456'789;
  r.method = "GET";
  r.target = "/api/v1/logs?q=\"x\"";
  r.endpoint = "/api/v1/logs";
  r.access = RouteAccess::kQuery;
  r.token_id = "0123456789ab";
  r.tenant = "acme";
  r.status = 403;
  r.duration_ns = 1'500'000;
  return r;
}

const AnyValue* attribute(const LogRecord& record, std::string_view key) {
  for (const auto& kv : record.attributes)
    if (kv.key == key) return &kv.value;
  return nullptr;
}

TEST(AuditRecordTest, LogRecordCarriesEveryField) {
  auto resource = std::make_shared<const Resource>();
  auto scope = std::make_shared<const Scope>();
  LogRecord record = audit_log_record(sample(), resource, scope);
  EXPECT_EQ(record.time_unix_nano, 1'700'000'000'123'456'789);
  EXPECT_EQ(record.body, AnyValue("GET /api/v1/logs?q=\"x\" -> 403"));
  EXPECT_EQ(record.severity_text, "WARN");
  EXPECT_EQ(*attribute(record, "audit.token_id"), AnyValue("0123456789ab"));
  EXPECT_EQ(*attribute(record, "audit.tenant"), AnyValue("acme"));
  EXPECT_EQ(*attribute(record, "audit.access"), AnyValue("query"));
  EXPECT_EQ(*attribute(record, "audit.status"), AnyValue(int64_t{403}));
  EXPECT_EQ(*attribute(record, "audit.duration_ms"), AnyValue(1.5));
  EXPECT_EQ(record.resource, resource);
}

TEST(AuditRecordTest, JsonLineAndDefaultTenant) {
  AuditedRequest r = sample();
  r.tenant = "";
  r.status = 200;
  EXPECT_EQ(audit_json_line(r),
            R"({"time":"2023-11-14T22:13:20.123456789Z","token_id":"0123456789ab",)"
            R"("tenant":"default","method":"GET","endpoint":"/api/v1/logs",)"
            R"("target":"/api/v1/logs?q=\"x\"","access":"query","status":200,)"
            R"("duration_ms":1.5})"
            "\n");
  EXPECT_EQ(audit_log_record(r, nullptr, nullptr).severity_text, "INFO");
}

}  // namespace
}  // namespace weft::server::audit
