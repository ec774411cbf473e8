// The synthetic source: realistic service logs for --signal logs and the demo's simulated shop
// for --signal traces.
//
// Logs: eight services with 8 instances each (one shared Resource per instance), HTTP access
// and application messages around 300 bytes with trace and span ids, mostly INFO with some
// WARN/ERROR/DEBUG. Deterministic for a seed (apart from "now").
#include <array>
#include <cstring>
#include <deque>
#include <random>

#include "demo/simulation.h"
#include "loadgen/record_source.h"

namespace weft::loadgen {

namespace {

constexpr std::array<const char*, 8> kServices = {"checkout", "payment",  "inventory", "gateway",
                                                  "search",   "shipping", "auth",      "recommendation"};
constexpr std::array<const char*, 6> kRoutes = {"/api/v1/orders/{id}", "/api/v1/cart",
                                                "/api/v1/users/{id}",  "/api/v1/search",
                                                "/healthz",            "/api/v1/payments/{id}/capture"};
constexpr std::array<const char*, 4> kMethods = {"GET", "POST", "PUT", "DELETE"};
constexpr int kInstancesPerService = 8;

class SyntheticSource : public RecordSource {
 public:
  explicit SyntheticSource(const SourceOptions& o)
      : options_(o), rng_(o.seed), now_(o.now != 0 ? o.now : now_unix_nanos()) {
    scope_ = std::make_shared<Scope>(Scope{"io.opentelemetry.http", "2.11.0", {}, 0, ""});
    for (size_t s = 0; s < kServices.size(); ++s)
      for (int i = 0; i < kInstancesPerService; ++i) resources_.push_back(make_resource(s, i));
  }

  Status next_logs(size_t count, LogBatch& out) override {
    out.records.reserve(out.records.size() + count);
    for (size_t i = 0; i < count; ++i) out.records.push_back(make_log());
    return Status::ok();
  }

  Status next_spans(size_t count, SpanBatch& out) override {
    while (pending_.size() < count) generate_requests();
    for (size_t i = 0; i < count; ++i) {
      out.spans.push_back(std::move(pending_.front()));
      pending_.pop_front();
    }
    return Status::ok();
  }

 private:
  uint64_t num(uint64_t lo, uint64_t hi) { return lo + rng_() % (hi - lo + 1); }
  template <typename Array>
  const char* pick(const Array& a) { return a[rng_() % a.size()]; }

  ResourcePtr make_resource(size_t service, int instance) {
    auto r = std::make_shared<Resource>();
    std::string svc = kServices[service];
    r->attributes = {
        {"service.name", svc},
        {"service.version", "1." + std::to_string(instance % 5) + ".3"},
        {"host.name", "ip-10-0-" + std::to_string(service) + "-" + std::to_string(10 + instance)},
        {"deployment.environment.name", std::string("production")},
        {"k8s.pod.name", svc + "-7c9f8d6b5-" + std::to_string(10000 + service * 100 + instance)},
    };
    return r;
  }

  UnixNanos record_time() {
    int64_t spread = options_.time_spread.count();
    int64_t back = spread > 0 ? static_cast<int64_t>(rng_() % static_cast<uint64_t>(spread))
                              : static_cast<int64_t>(num(0, 2'000'000'000ull));
    return now_ - back;
  }

  void fill_ids(LogRecord& r) {
    uint64_t a = rng_() | 1, b = rng_(), c = rng_() | 1;
    std::memcpy(r.trace_id.bytes.data(), &a, 8);
    std::memcpy(r.trace_id.bytes.data() + 8, &b, 8);
    std::memcpy(r.span_id.bytes.data(), &c, 8);
  }

  // Severity number and text: 85% INFO, 8% WARN, 4% ERROR, 3% DEBUG.
  void fill_severity(LogRecord& r) {
    uint64_t p = num(0, 99);
    if (p < 85) r.severity_number = 9, r.severity_text = "INFO";
    else if (p < 93) r.severity_number = 13, r.severity_text = "WARN";
    else if (p < 97) r.severity_number = 17, r.severity_text = "ERROR";
    else r.severity_number = 5, r.severity_text = "DEBUG";
  }

  std::string make_body(const LogRecord& r) {
    std::string route = pick(kRoutes);
    std::string method = pick(kMethods);
    uint64_t status = r.severity_number >= 17 ? 500 + num(0, 3) : r.severity_number >= 13 ? 429 : 200;
    std::string order = std::to_string(num(100000, 999999));
    if (num(0, 1) == 0) {
      return "request completed method=" + method + " route=" + route + " status=" +
             std::to_string(status) + " duration_ms=" + std::to_string(num(1, 900)) +
             " bytes=" + std::to_string(num(120, 48000)) + " user_id=u-" +
             std::to_string(num(1000, 9999)) + " order_id=ord-" + order +
             " client=10.1." + std::to_string(num(0, 255)) + "." + std::to_string(num(1, 254)) +
             " user_agent=\"Mozilla/5.0 (X11; Linux x86_64) okhttp/4.12.0\"";
    }
    return "processed order ord-" + order + " for customer c-" + std::to_string(num(1000, 99999)) +
           ": " + std::to_string(num(1, 12)) + " items, amount=" + std::to_string(num(5, 2000)) +
           "." + std::to_string(num(10, 99)) + " EUR, warehouse=wh-" + std::to_string(num(1, 9)) +
           ", attempt " + std::to_string(num(1, 3)) + " of 3, queue lag " +
           std::to_string(num(0, 5000)) + " ms, cache hit ratio 0." + std::to_string(num(10, 99));
  }

  LogRecord make_log() {
    LogRecord r;
    r.time_unix_nano = record_time();
    r.observed_time_unix_nano = r.time_unix_nano + static_cast<int64_t>(num(1000, 900000));
    fill_severity(r);
    fill_ids(r);
    r.body = make_body(r);
    r.attributes = {{"code.function", std::string("handle_request")},
                    {"thread.id", static_cast<int64_t>(num(1, 64))}};
    r.resource = resources_[rng_() % resources_.size()];
    r.scope = scope_;
    return r;
  }

  // Generates the next requests of the demo's simulated shop into pending_.
  void generate_requests() {
    if (!simulation_) {
      demo::SimulationOptions s;
      s.seed = options_.seed;
      s.rate = 1000;
      int64_t spread = options_.time_spread.count();
      s.start_time = now_ - (spread > 0 ? spread : 10'000'000'000);
      simulation_ = std::make_unique<demo::Simulation>(s);
    }
    demo::Traffic t = simulation_->generate(next_request_, 64);
    next_request_ += 64;
    for (Span& span : t.spans.spans) pending_.push_back(std::move(span));
  }

  SourceOptions options_;
  std::mt19937_64 rng_;
  UnixNanos now_;
  ScopePtr scope_;
  std::vector<ResourcePtr> resources_;
  std::unique_ptr<demo::Simulation> simulation_;
  uint64_t next_request_ = 0;
  std::deque<Span> pending_;
};

}  // namespace

std::unique_ptr<RecordSource> make_synthetic_source(const SourceOptions& options) {
  return std::make_unique<SyntheticSource>(options);
}

}  // namespace weft::loadgen
