#include "demo/simulation.h"

#include <cmath>

#include "demo/fake_data.h"
#include "demo/services.h"
#include "demo/trace_builder.h"

namespace weft::demo {

namespace {

constexpr double kProdShare = 0.8;
constexpr double kCardProcessorDegraded = 0.02;

}  // namespace

Simulation::Simulation(SimulationOptions options)
    : options_(std::move(options)),
      episodes_(options_.seed, options_.start_time, options_.episodes) {}

UnixNanos Simulation::slot_start(uint64_t n) const {
  return options_.start_time + static_cast<UnixNanos>(std::llround(1e9 * n / options_.rate));
}

void Simulation::generate_request(uint64_t n, Traffic& out) const {
  Random rng = Random::for_item(options_.seed, n);
  UnixNanos slot = slot_start(n);
  UnixNanos start = slot + static_cast<UnixNanos>(rng.uniform() * (slot_start(n + 1) - slot));
  Environment env = rng.chance(kProdShare) ? Environment::kProd : Environment::kStaging;
  Customer customer = fake_customer(rng);

  size_t spans_before = out.spans.spans.size();
  TraceBuilder trace(rng, out.spans, out.logs, customer.user_id);
  RequestContext ctx{topology_, episodes_, rng,      trace,   out.spans,
                     out.logs,  env,       customer, rng.chance(kCardProcessorDegraded)};
  CallOutcome outcome;
  switch (rng.weighted({0.5, 0.3, 0.2})) {
    case 0: outcome = simulate_checkout(ctx, start); break;
    case 1: outcome = simulate_order_lookup(ctx, start); break;
    default: outcome = simulate_product_search(ctx, start); break;
  }
  out.requests += 1;
  if (outcome.status >= 500) out.failed_requests += 1;
  for (size_t i = spans_before; i < out.spans.spans.size(); ++i)
    if (!out.spans.spans[i].parent_span_id.present()) out.traces += 1;
}

Traffic Simulation::generate(uint64_t first, uint64_t count) const {
  Traffic out;
  out.spans.tenant = options_.tenant;
  out.logs.tenant = options_.tenant;
  for (uint64_t n = first; n < first + count; ++n) generate_request(n, out);
  return out;
}

}  // namespace weft::demo
