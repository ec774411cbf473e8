// The server-side handlers of the shop's services, one file per service (orders_service.cc,
// payment_service.cc, inventory_service.cc, shipping_service.cc, notification_service.cc).
// Internal to the demo module: services.h has the entry points. Each handler runs inside the
// server span it is given (already started; serve() ends it) and returns the response.
#pragma once

#include <string>

#include "demo/calls.h"

namespace weft::demo {

// orders: POST /orders and GET /orders/{order_id}.
CallOutcome orders_checkout(RequestContext& ctx, const Order& order, SpanRef server,
                            UnixNanos start);
CallOutcome orders_lookup(RequestContext& ctx, const std::string& order_id, SpanRef server,
                          UnixNanos start);

// payment: POST /payments/charge and POST /payments/refund.
CallOutcome payment_charge(RequestContext& ctx, const Order& order, SpanRef server,
                           UnixNanos start);
CallOutcome payment_refund(RequestContext& ctx, const Order& order, SpanRef server,
                           UnixNanos start);

// inventory: POST /inventory/reservations and GET /products.
CallOutcome inventory_reserve(RequestContext& ctx, const Order& order, SpanRef server,
                              UnixNanos start);
CallOutcome inventory_search(RequestContext& ctx, SpanRef server, UnixNanos start);

// shipping: POST /shipments.
CallOutcome shipping_book(RequestContext& ctx, const Order& order, SpanRef server,
                          UnixNanos start);

// Publishes `event_type` ("order.confirmed", ...) for `order` to the order-events queue as a
// producer span under `parent`, and simulates the notification worker consuming it: a new
// trace whose root consumer span links to the producer span. Returns the producer span's end.
UnixNanos publish_order_event(RequestContext& ctx, SpanRef parent, const Order& order,
                              const std::string& event_type, UnixNanos start);

}  // namespace weft::demo
