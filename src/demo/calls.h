// The hops a simulated request makes: HTTP calls between services, database queries, calls to
// third-party APIs and in-process work, each recorded as spans (and, when something goes wrong
// or is slow, log records) with OpenTelemetry semantic-convention attributes.
//
// Time flows forward through a request: each helper takes the time the hop starts and returns
// when it ends (as its caller sees it), so a child span always lies inside its parent. Latencies
// are log-normal: mostly fast, with a long tail. Database queries of a service hit by a
// slow-database episode (episodes.h) are many times slower and may time out.
#pragma once

#include <functional>
#include <string>

#include "demo/episodes.h"
#include "demo/fake_data.h"
#include "demo/random.h"
#include "demo/topology.h"
#include "demo/trace_builder.h"

namespace weft::demo {

// One simulated user request (and the traces it causes) while it is being built.
struct RequestContext {
  const Topology& topology;
  const EpisodeSchedule& episodes;
  Random& rng;
  TraceBuilder& trace;
  SpanBatch& spans;  // where traces started by this request (queue consumers) go
  LogBatch& logs;
  Environment env;
  const Customer& customer;
  // The card processor is having a bad moment: most charge attempts hang until the timeout.
  bool card_processor_degraded = false;
};

// The outcome of a hop as its caller sees it.
struct CallOutcome {
  UnixNanos end = 0;
  int status = 200;   // an HTTP status; failed queries and timeouts map to 5xx
  std::string error;  // why it failed; empty on success
  bool ok() const { return status < 400; }
};

// Nanoseconds of `ms` milliseconds.
UnixNanos millis(double ms);
// A short stretch of in-process work between steps (log-normal around `median_ms`).
UnixNanos cpu_time(RequestContext& ctx, double median_ms = 0.05);

// Runs the server side of a request in span `server` (already started): calls `handler`, then
// ends the span when it returns, with http.response.status_code and status ERROR on a 5xx.
using ServerHandler = std::function<CallOutcome(SpanRef server, UnixNanos start)>;
CallOutcome serve(RequestContext& ctx, SpanRef server, UnixNanos start,
                  const ServerHandler& handler);

struct HttpCallSpec {
  ServiceId target;
  std::string method;  // "POST"
  std::string route;   // the route template: "/orders/{order_id}"
  std::string path;    // the actual path: "/orders/ord-7Q2M9K4D"
  int resend_count = 0;  // 0 for a first attempt, n for the n-th retry
};

// An HTTP call from the instance of span `caller` to an instance of spec.target in the same
// environment: a client span under `caller`, a server span under it in the target instance
// (remote parent: W3C trace context crossed the wire), and `handler` serving it.
CallOutcome http_call(RequestContext& ctx, SpanRef caller, const HttpCallSpec& spec,
                      UnixNanos start, const ServerHandler& handler);

struct DbQuerySpec {
  std::string system;        // db.system.name: "postgresql" or "redis"
  std::string db_namespace;  // db.namespace: "orders"
  std::string operation;     // db.operation.name: "SELECT"
  std::string collection;    // db.collection.name: "orders" ("" for redis)
  std::string text;          // db.query.text, parameterised
  double median_ms = 1.5;
  double sigma = 0.6;
};

// A query by the instance of `parent`, as a client span under it. A query slower than the
// statement timeout fails with status 503.
CallOutcome db_query(RequestContext& ctx, SpanRef parent, const DbQuerySpec& spec,
                     UnixNanos start);

struct ExternalCallSpec {
  std::string host;    // server.address: "api.cardprocessor.example"
  std::string method;  // "POST"
  std::string path;    // "/v1/charges"
  double median_ms = 100;
  double sigma = 0.5;
  double timeout_ms = 1500;
  double hang_probability = 0;  // chance the remote side never answers in time
};

// A call to a third-party HTTPS API (no spans on the other side). A hang ends at the timeout
// with status 504 and an exception event.
CallOutcome external_call(RequestContext& ctx, SpanRef parent, const ExternalCallSpec& spec,
                          UnixNanos start);

// An internal span `name` under `parent` taking about `median_ms`; returns its end.
UnixNanos internal_work(RequestContext& ctx, SpanRef parent, std::string name, double median_ms,
                        UnixNanos start, Attributes attributes = {});

}  // namespace weft::demo
