// libFuzzer target: LogQL text. Every input must parse or fail with a Loki-style error; a
// parsed query must print to text that parses back to the same text (the printer is a fixed
// point); and the engine must run it over a few stored records - as a log query or an instant
// and a range metric query - within a small time and memory budget, without crashing.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "query/logql/engine.h"
#include "query/logql/store_view_log_source.h"
#include "query/logql/parser.h"
#include "query/logql/printer.h"
#include "storage/memstore/mem_store.h"

namespace {

using namespace weft;

constexpr UnixNanos kBase = 1704067200LL * 1000000000;  // 2024-01-01T00:00:00Z

LogRecord record(int second, std::string body, ResourcePtr resource, int severity) {
  LogRecord r;
  r.time_unix_nano = kBase + second * 1000000000LL;
  r.body = std::move(body);
  r.severity_number = severity;
  r.resource = std::move(resource);
  r.scope = std::make_shared<Scope>();
  r.attributes.push_back({"user.id", AnyValue(int64_t{second})});
  r.trace_id.bytes[15] = static_cast<uint8_t>(second);
  return r;
}

// The records, in a memtable of a view.
const storage::StoreView& view() {
  static storage::StoreView* v = [] {
    auto m = std::make_shared<storage::MemStore>();
    auto api = std::make_shared<Resource>();
    api->attributes.push_back({"service.name", "api"});
    api->attributes.push_back({"deployment.environment", "prod"});
    auto web = std::make_shared<Resource>();
    web->attributes.push_back({"service.name", "web"});
    web->attributes.push_back({"app", "legacy"});
    LogBatch batch{"fuzz", {}};
    batch.records.push_back(record(1, "level=info msg=\"ok\" status=200 latency=15ms size=1KB", api, 9));
    batch.records.push_back(record(2, "level=error msg=\"boom\" status=500 latency=1.5s size=2KB", api, 17));
    batch.records.push_back(record(3, "{\"level\":\"warn\",\"ms\":250,\"user\":{\"id\":\"u1\"},\"tags\":[1,2]}", web, 13));
    batch.records.push_back(record(4, "10.0.0.5 - - [01/Jan/2024] \"GET /x HTTP/1.1\" 200 12", web, 0));
    batch.records.push_back(record(5, "\x1b[31mERROR\x1b[0m job failed id=99", api, 0));
    m->add_logs(std::move(batch));
    auto* out = new storage::StoreView();
    out->memtables.push_back(m);
    return out;
  }();
  return *v;
}

void run(const logql::Query& q, logql::QueryParams params) {
  logql::StoreViewLogSource source(view());
  logql::Engine engine(source, logql::EngineLimits{100, 100, 200});
  logql::QueryControl control(std::chrono::steady_clock::now() + std::chrono::seconds(2), 64ull << 20);
  params.tenant = "fuzz";
  (void)engine.execute(q, params, control);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = logql::parse_query(input);
  if (!parsed.is_ok()) {
    if (parsed.status().message().rfind("parse error", 0) != 0) __builtin_trap();
    return 0;
  }
  std::string printed = logql::print_query(*parsed);
  auto again = logql::parse_query(printed);
  if (!again.is_ok() || logql::print_query(*again) != printed) __builtin_trap();

  logql::QueryParams params;
  params.limit = 10;
  params.start = kBase;
  params.end = kBase + 120LL * 1000000000;
  if (parsed->is_log()) {
    params.categorize_labels = size % 2 == 0;
    run(*parsed, params);
    return 0;
  }
  params.step_nanos = 10LL * 1000000000;
  run(*parsed, params);
  params.instant = true;
  run(*parsed, params);
  return 0;
}
