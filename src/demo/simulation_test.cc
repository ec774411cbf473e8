// The simulated shop's telemetry: valid trace trees, the expected services and environments,
// cascading errors, W3C context, correlated logs, slow-database episodes and determinism.
#include "demo/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "demo/trace_builder.h"

namespace weft::demo {
namespace {

constexpr UnixNanos kStart = 1'800'000'000'000'000'000;

SimulationOptions options(uint64_t seed, double rate = 50) {
  SimulationOptions o;
  o.seed = seed;
  o.start_time = kStart;
  o.rate = rate;
  o.tenant = "shop";
  return o;
}

std::string attr_text(const Attributes& attrs, std::string_view key) {
  const AnyValue* v = find_attribute(attrs, key);
  return v ? any_value_to_text(*v) : "";
}

std::string service_of(const Span& s) { return std::string(service_name(*s.resource)); }
std::string service_of(const LogRecord& r) { return std::string(service_name(*r.resource)); }

// The spans of a batch by trace id, and every span by span id.
struct Index {
  std::map<std::string, std::vector<const Span*>> traces;
  std::unordered_map<std::string, const Span*> spans;
  explicit Index(const SpanBatch& batch) {
    for (const Span& s : batch.spans) {
      traces[s.trace_id.hex()].push_back(&s);
      spans[s.span_id.hex()] = &s;
    }
  }
  const Span* parent(const Span& s) const {
    auto it = spans.find(s.parent_span_id.hex());
    return it == spans.end() ? nullptr : it->second;
  }
};

class SimulationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { traffic_ = new Traffic(Simulation(options(7)).generate(0, 3000)); }
  static void TearDownTestSuite() { delete traffic_; }
  static const Traffic& traffic() { return *traffic_; }

 private:
  static Traffic* traffic_;
};
Traffic* SimulationTest::traffic_ = nullptr;

TEST_F(SimulationTest, TracesAreTreesWithOneRoot) {
  const Traffic& t = traffic();
  Index index(t.spans);
  EXPECT_EQ(t.requests, 3000u);
  EXPECT_GT(t.traces, t.requests) << "checkouts cause notification traces";
  EXPECT_EQ(index.traces.size(), t.traces);
  EXPECT_EQ(index.spans.size(), t.spans.spans.size()) << "span ids are unique";
  for (const auto& [trace_id, spans] : index.traces) {
    SCOPED_TRACE("trace " + trace_id);
    int roots = 0;
    for (const Span* s : spans) {
      ASSERT_TRUE(s->span_id.present());
      EXPECT_LT(s->start_time_unix_nano, s->end_time_unix_nano) << s->name;
      if (!s->parent_span_id.present()) {
        ++roots;
        continue;
      }
      const Span* parent = index.parent(*s);
      ASSERT_NE(parent, nullptr) << s->name << ": parent not found";
      EXPECT_EQ(parent->trace_id, s->trace_id);
      EXPECT_GE(s->start_time_unix_nano, parent->start_time_unix_nano) << s->name;
      EXPECT_LE(s->end_time_unix_nano, parent->end_time_unix_nano) << s->name;
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST_F(SimulationTest, RootsAreGatewayRequestsOrLinkedQueueConsumers) {
  Index index(traffic().spans);
  int consumers = 0;
  for (const Span& s : traffic().spans.spans) {
    if (s.parent_span_id.present()) continue;
    if (s.kind == SpanKind::kServer) {
      EXPECT_EQ(service_of(s), "gateway");
      EXPECT_TRUE(s.links.empty());
      continue;
    }
    ++consumers;
    ASSERT_EQ(s.kind, SpanKind::kConsumer) << s.name;
    EXPECT_EQ(service_of(s), "notification");
    ASSERT_EQ(s.links.size(), 1u);
    auto producer = index.spans.find(s.links[0].span_id.hex());
    ASSERT_NE(producer, index.spans.end()) << "link to a span that was not sent";
    EXPECT_EQ(producer->second->trace_id, s.links[0].trace_id);
    EXPECT_NE(producer->second->trace_id, s.trace_id);
    EXPECT_EQ(producer->second->kind, SpanKind::kProducer);
    EXPECT_EQ(service_of(*producer->second), "orders");
    EXPECT_GE(s.start_time_unix_nano, producer->second->end_time_unix_nano);
    EXPECT_EQ(attr_text(s.attributes, "messaging.message.id"),
              attr_text(producer->second->attributes, "messaging.message.id"));
  }
  EXPECT_GT(consumers, 100);
}

TEST_F(SimulationTest, EveryServiceEnvironmentAndSpanKindAppears) {
  std::set<std::string> services, envs, instances, pods, hosts;
  std::set<SpanKind> kinds;
  for (const Span& s : traffic().spans.spans) {
    services.insert(service_of(s));
    envs.insert(std::string(deployment_environment(*s.resource)));
    instances.insert(attr_text(s.resource->attributes, "service.instance.id"));
    pods.insert(attr_text(s.resource->attributes, "k8s.pod.name"));
    hosts.insert(attr_text(s.resource->attributes, "host.name"));
    kinds.insert(s.kind);
  }
  EXPECT_EQ(services, (std::set<std::string>{"gateway", "orders", "payment", "inventory",
                                             "shipping", "notification"}));
  EXPECT_EQ(envs, (std::set<std::string>{"prod", "staging"}));
  EXPECT_EQ(instances.size(), 20u);  // 14 in prod, one per service in staging
  EXPECT_EQ(pods.size(), 20u);
  EXPECT_GT(hosts.size(), 2u);
  EXPECT_EQ(kinds, (std::set<SpanKind>{SpanKind::kServer, SpanKind::kClient,
                                       SpanKind::kProducer, SpanKind::kConsumer,
                                       SpanKind::kInternal}));
}

TEST_F(SimulationTest, SpansCarrySemanticConventionAttributesAndBaggage) {
  for (const Span& s : traffic().spans.spans) {
    SCOPED_TRACE(s.name);
    EXPECT_TRUE(attr_text(s.attributes, "user.id").starts_with("u-"));
    if (s.kind == SpanKind::kServer) {
      EXPECT_FALSE(attr_text(s.attributes, "http.request.method").empty());
      EXPECT_FALSE(attr_text(s.attributes, "http.route").empty());
      EXPECT_FALSE(attr_text(s.attributes, "http.response.status_code").empty());
    }
    if (s.kind == SpanKind::kClient) {
      bool http = find_attribute(s.attributes, "http.request.method") != nullptr;
      bool db = find_attribute(s.attributes, "db.system.name") != nullptr;
      EXPECT_NE(http, db);
      if (db) {
        EXPECT_FALSE(attr_text(s.attributes, "db.query.text").empty());
      }
    }
    if (s.kind == SpanKind::kProducer || s.kind == SpanKind::kConsumer) {
      EXPECT_EQ(attr_text(s.attributes, "messaging.system"), "kafka");
      EXPECT_EQ(attr_text(s.attributes, "messaging.destination.name"), "order-events");
    }
  }
}

TEST_F(SimulationTest, TraceContextFlagsAndTraceparentFollowW3c) {
  Index index(traffic().spans);
  for (const Span& s : traffic().spans.spans) {
    SCOPED_TRACE(s.name);
    EXPECT_EQ(s.flags & 0xff, 0x01u) << "sampled";
    EXPECT_NE(s.flags & 0x100, 0u) << "is_remote known";
    const Span* parent = index.parent(s);
    if (!parent) {
      EXPECT_EQ(s.flags & 0x200, 0u);
      continue;
    }
    bool remote = parent->resource != s.resource;
    EXPECT_EQ((s.flags & 0x200) != 0, remote);
    if (remote) {
      EXPECT_EQ(s.kind, SpanKind::kServer);
      EXPECT_EQ(attr_text(s.attributes, "http.request.header.traceparent"),
                "[\"" + traceparent(s.trace_id, s.parent_span_id) + "\"]");
    }
  }
}

TEST_F(SimulationTest, PaymentErrorsCascadeAndRetriesAreSiblings) {
  Index index(traffic().spans);
  int failed_payments = 0, failed_orders = 0;
  for (const Span& s : traffic().spans.spans) {
    if (service_of(s) != "payment" || s.kind != SpanKind::kServer ||
        s.status_code != SpanStatusCode::kError)
      continue;
    ++failed_payments;
    EXPECT_FALSE(s.status_message.empty());
    const Span* attempt = index.parent(s);
    ASSERT_NE(attempt, nullptr);
    EXPECT_EQ(service_of(*attempt), "orders");
    EXPECT_EQ(attempt->status_code, SpanStatusCode::kError) << "the orders call sees the failure";
  }
  for (const auto& [trace_id, spans] : index.traces) {
    for (const Span* s : spans) {
      if (service_of(*s) != "orders" || s->kind != SpanKind::kServer ||
          s->status_message.find("payment failed") == std::string::npos)
        continue;
      SCOPED_TRACE("trace " + trace_id);
      ++failed_orders;
      EXPECT_EQ(s->status_code, SpanStatusCode::kError);
      // Three attempts as sibling client spans under the orders server span.
      std::vector<const Span*> attempts;
      for (const Span* c : spans)
        if (c->parent_span_id == s->span_id && c->name == "POST /payments/charge")
          attempts.push_back(c);
      ASSERT_EQ(attempts.size(), 3u);
      EXPECT_EQ(attr_text(attempts[1]->attributes, "http.request.resend_count"), "1");
      EXPECT_EQ(attr_text(attempts[2]->attributes, "http.request.resend_count"), "2");
      for (const Span* a : attempts) EXPECT_EQ(a->status_code, SpanStatusCode::kError);
      EXPECT_EQ(std::count_if(s->events.begin(), s->events.end(),
                              [](const SpanEvent& e) { return e.name == "retry"; }),
                2);
      // ... up to the root, which answered 502.
      const Span* up = s;
      while (index.parent(*up)) {
        up = index.parent(*up);
        EXPECT_EQ(up->status_code, SpanStatusCode::kError) << up->name;
      }
      EXPECT_EQ(service_of(*up), "gateway");
      EXPECT_EQ(attr_text(up->attributes, "http.response.status_code"), "502");
    }
  }
  EXPECT_GT(failed_payments, 10);
  EXPECT_GT(failed_orders, 2);
  EXPECT_GE(traffic().failed_requests, static_cast<uint64_t>(failed_orders));
}

TEST_F(SimulationTest, ExceptionEventsDescribeTimeouts) {
  int exceptions = 0;
  for (const Span& s : traffic().spans.spans) {
    for (const SpanEvent& e : s.events) {
      if (e.name != "exception") continue;
      ++exceptions;
      EXPECT_FALSE(attr_text(e.attributes, "exception.type").empty());
      EXPECT_FALSE(attr_text(e.attributes, "exception.message").empty());
      EXPECT_GE(e.time_unix_nano, s.start_time_unix_nano);
      EXPECT_LE(e.time_unix_nano, s.end_time_unix_nano);
      EXPECT_EQ(s.status_code, SpanStatusCode::kError);
    }
  }
  EXPECT_GT(exceptions, 10);
}

TEST_F(SimulationTest, LogsCarryIdsOfExistingSpansOfTheirInstance) {
  Index index(traffic().spans);
  std::set<int> severities;
  int cards = 0, emails = 0, with_order = 0;
  for (const LogRecord& r : traffic().logs.records) {
    auto span = index.spans.find(r.span_id.hex());
    ASSERT_NE(span, index.spans.end()) << any_value_to_text(r.body);
    EXPECT_EQ(span->second->trace_id, r.trace_id);
    EXPECT_EQ(span->second->resource, r.resource) << "written by the span's instance";
    EXPECT_GE(r.time_unix_nano, span->second->start_time_unix_nano);
    EXPECT_LE(r.time_unix_nano, span->second->end_time_unix_nano);
    EXPECT_FALSE(attr_text(r.attributes, "user.id").empty());
    severities.insert(r.severity_number);
    std::string body = any_value_to_text(r.body);
    if (body.find("4111 1111 1111 1111") != std::string::npos ||
        body.find("5555 5555 5555 4444") != std::string::npos)
      ++cards;
    if (body.find("@example.com") != std::string::npos) ++emails;
    if (find_attribute(r.attributes, "order.id")) ++with_order;
  }
  EXPECT_EQ(severities, (std::set<int>{5, 9, 13, 17}));
  EXPECT_GT(cards, 100);
  EXPECT_GT(emails, 100);
  EXPECT_GT(with_order, 1000);
}

TEST_F(SimulationTest, RequestsArriveAtTheRate) {
  UnixNanos first = INT64_MAX, last = 0;
  for (const Span& s : traffic().spans.spans) {
    if (s.kind != SpanKind::kServer || s.parent_span_id.present()) continue;
    first = std::min(first, s.start_time_unix_nano);
    last = std::max(last, s.start_time_unix_nano);
  }
  EXPECT_GE(first, kStart);
  // 3000 requests at 50/s: one minute of simulated time.
  EXPECT_NEAR(static_cast<double>(last - kStart) / 1e9, 60.0, 0.1);
}

TEST(SimulationEpisodes, OneMinuteShowsASlowDatabase) {
  Simulation sim(options(11, 40));
  SlowDbEpisode episode = sim.episodes().episode(0);
  SCOPED_TRACE(std::string(name_of(episode.service)) + " in " + std::string(name_of(episode.env)) +
               ", +" + std::to_string(episode.extra_median_ms) + "ms");
  EXPECT_LT(episode.end - kStart, 60'000'000'000);
  EXPECT_GT(episode.extra_median_ms, 100);
  Traffic t = sim.generate(0, 40 * 60);

  std::vector<int64_t> inside, outside;
  int slow_logs = 0;
  for (const Span& s : t.spans.spans) {
    if (service_of(s) != name_of(episode.service) ||
        deployment_environment(*s.resource) != name_of(episode.env) ||
        attr_text(s.attributes, "db.system.name") != "postgresql")
      continue;
    bool during = s.start_time_unix_nano >= episode.start && s.start_time_unix_nano < episode.end;
    (during ? inside : outside).push_back(s.duration_nanos());
  }
  for (const LogRecord& r : t.logs.records) {
    if (service_of(r) == name_of(episode.service) &&
        any_value_to_text(r.body).starts_with("slow query") &&
        r.time_unix_nano >= episode.start && r.time_unix_nano < episode.end + 2'000'000'000)
      ++slow_logs;
  }
  ASSERT_GT(inside.size(), 10u);
  ASSERT_GT(outside.size(), 10u);
  auto median = [](std::vector<int64_t> v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  EXPECT_GT(median(inside), 20 * median(outside));
  EXPECT_GT(slow_logs, 5);
}

TEST(SimulationDeterminism, SameSeedSameTelemetry) {
  Traffic a = Simulation(options(42)).generate(0, 300);
  Traffic b = Simulation(options(42)).generate(0, 300);
  Traffic c = Simulation(options(43)).generate(0, 300);
  ASSERT_EQ(a.spans.spans.size(), b.spans.spans.size());
  ASSERT_EQ(a.logs.records.size(), b.logs.records.size());
  for (size_t i = 0; i < a.spans.spans.size(); ++i) {
    const Span& x = a.spans.spans[i];
    const Span& y = b.spans.spans[i];
    ASSERT_EQ(x.trace_id, y.trace_id);
    ASSERT_EQ(x.span_id, y.span_id);
    ASSERT_EQ(x.name, y.name);
    ASSERT_EQ(x.start_time_unix_nano, y.start_time_unix_nano);
    ASSERT_EQ(x.end_time_unix_nano, y.end_time_unix_nano);
    ASSERT_TRUE(x.attributes == y.attributes);
    ASSERT_EQ(x.status_message, y.status_message);
    ASSERT_TRUE(*x.resource == *y.resource);
  }
  for (size_t i = 0; i < a.logs.records.size(); ++i) {
    ASSERT_TRUE(a.logs.records[i].body == b.logs.records[i].body);
    ASSERT_TRUE(a.logs.records[i].attributes == b.logs.records[i].attributes);
    ASSERT_EQ(a.logs.records[i].span_id, b.logs.records[i].span_id);
  }
  EXPECT_NE(a.spans.spans[0].trace_id, c.spans.spans[0].trace_id);
}

TEST(SimulationDeterminism, BatchingDoesNotChangeContent) {
  Simulation sim(options(5));
  Traffic whole = sim.generate(0, 100);
  Traffic first = sim.generate(0, 37);
  Traffic rest = sim.generate(37, 63);
  ASSERT_EQ(whole.spans.spans.size(), first.spans.spans.size() + rest.spans.spans.size());
  for (size_t i = 0; i < whole.spans.spans.size(); ++i) {
    const Span& part = i < first.spans.spans.size()
                           ? first.spans.spans[i]
                           : rest.spans.spans[i - first.spans.spans.size()];
    ASSERT_EQ(whole.spans.spans[i].span_id, part.span_id);
  }
  EXPECT_EQ(whole.logs.records.size(), first.logs.records.size() + rest.logs.records.size());
  EXPECT_EQ(whole.failed_requests, first.failed_requests + rest.failed_requests);
}

}  // namespace
}  // namespace weft::demo
