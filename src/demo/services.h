// The behaviour of the simulated shop's services: what each does with a request.
//
//   gateway       public entry: authenticates, routes, writes an access log line
//   orders        creates orders: validates, stores, charges (retrying payment up to 3 times
//                 with back-off), reserves stock, publishes order events to a queue
//   payment       charges cards through a third-party card processor (which sometimes hangs
//                 until the timeout, and sometimes for a while on most attempts), refunds
//   inventory     reserves stock (Redis cache in front of PostgreSQL), books a shipment
//   shipping      quotes and books shipments with a carrier API
//   notification  consumes order events from the queue and e-mails the customer; runs in a
//                 trace of its own, linked to the producer span
//
// Failures cascade: a payment that times out on every attempt fails the order (502), and the
// gateway's request with it; a failed stock reservation refunds the payment. Each entry point
// builds one whole user request, rooted in a gateway server span, into ctx.trace (and consumer
// traces into ctx.spans/ctx.logs).
#pragma once

#include "demo/calls.h"

namespace weft::demo {

// POST /api/orders: a whole checkout.
CallOutcome simulate_checkout(RequestContext& ctx, UnixNanos start);
// GET /api/orders/{order_id}: an order's status.
CallOutcome simulate_order_lookup(RequestContext& ctx, UnixNanos start);
// GET /api/products: a catalogue search.
CallOutcome simulate_product_search(RequestContext& ctx, UnixNanos start);

}  // namespace weft::demo
