// The shipping service: quotes and books shipments with a carrier.
#include "demo/service_handlers.h"

namespace weft::demo {

namespace {

const std::vector<std::string> kCarriers = {"ups", "dhl", "fedex", "postnl"};

}  // namespace

CallOutcome shipping_book(RequestContext& ctx, const Order& order, SpanRef server,
                          UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  const std::string& carrier = ctx.rng.pick(kCarriers);
  tb.set(server, "order.id", order.id);
  tb.set(server, "shipping.carrier", carrier);
  UnixNanos t = internal_work(ctx, server, "quote shipping rate", 1.5, start,
                              {{"shipping.carrier", carrier}});
  CallOutcome stored = db_query(
      ctx, server,
      {"postgresql", "shipping", "INSERT", "shipments",
       "INSERT INTO shipments (order_id, carrier, status) VALUES ($1, $2, 'booked')", 1.8, 0.7},
      t);
  t = stored.end + cpu_time(ctx);
  if (!stored.ok()) return {t, 503, "could not store shipment: " + stored.error};

  CallOutcome label = external_call(
      ctx, server, {"api." + carrier + ".example", "POST", "/v2/labels", 140, 0.6, 3000, 0.004},
      t);
  t = label.end + cpu_time(ctx);
  if (!label.ok()) {
    tb.log(server, t, LogLevel::kError, "carrier " + carrier + " did not answer: " + label.error,
           {{"order.id", order.id}, {"shipping.carrier", carrier}});
    return {t, 503, "carrier unavailable"};
  }
  std::string tracking = fake_id(ctx.rng, "1Z", 16);
  tb.log(server, t, LogLevel::kInfo, "booked shipment " + tracking + " with " + carrier,
         {{"order.id", order.id},
          {"shipping.carrier", carrier},
          {"shipping.tracking_number", tracking}});
  return {t, 201, ""};
}

}  // namespace weft::demo
