// The orders service: creates orders and answers order lookups.
#include <cmath>

#include "demo/service_handlers.h"

namespace weft::demo {

namespace {

constexpr int kPaymentAttempts = 3;

DbQuerySpec orders_query(std::string operation, std::string text, double median_ms = 1.8) {
  return {"postgresql", "orders", std::move(operation), "orders", std::move(text), median_ms, 0.7};
}

Attributes order_attributes(const Order& order) {
  return {{"order.id", order.id},
          {"amount", order.amount},
          {"currency", order.currency}};
}

// Charges the order, retrying 5xx answers with exponential back-off. Each attempt is a sibling
// client span under `server`; each retry is an event on `server` and a warning in the log.
CallOutcome charge_with_retries(RequestContext& ctx, const Order& order, SpanRef server,
                                UnixNanos start) {
  UnixNanos t = start;
  CallOutcome out;
  for (int attempt = 0; attempt < kPaymentAttempts; ++attempt) {
    out = http_call(ctx, server, {ServiceId::kPayment, "POST", "/payments/charge",
                                  "/payments/charge", attempt},
                    t, [&](SpanRef s, UnixNanos at) { return payment_charge(ctx, order, s, at); });
    t = out.end;
    if (out.status < 500 || attempt + 1 == kPaymentAttempts) break;
    double backoff_ms = 100.0 * std::pow(2.0, attempt) * ctx.rng.uniform(0.8, 1.2);
    Attributes attrs = order_attributes(order);
    attrs.push_back({"retry.attempt", attempt + 1});
    attrs.push_back({"retry.backoff_ms", static_cast<int64_t>(backoff_ms)});
    ctx.trace.log(server, t, LogLevel::kWarn,
                  "payment attempt " + std::to_string(attempt + 1) + " for order " + order.id +
                      " failed (" + out.error + "); retrying in " +
                      std::to_string(static_cast<int>(backoff_ms)) + "ms",
                  std::move(attrs));
    ctx.trace.event(server, t, "retry",
                    {{"retry.attempt", attempt + 1},
                     {"retry.backoff_ms", static_cast<int64_t>(backoff_ms)},
                     {"error.message", out.error}});
    t += millis(backoff_ms);
  }
  out.end = t;
  return out;
}

// Marks the order with `status` in the database and tells the customer; returns the end.
UnixNanos close_order(RequestContext& ctx, const Order& order, SpanRef server,
                      const std::string& status, UnixNanos start) {
  CallOutcome db = db_query(
      ctx, server, orders_query("UPDATE", "UPDATE orders SET status = $1 WHERE id = $2"), start);
  std::string event = status == "confirmed" ? "order.confirmed" : "order." + status;
  return publish_order_event(ctx, server, order, event, db.end + cpu_time(ctx));
}

// Undoes the charge after the order could not be completed.
UnixNanos refund(RequestContext& ctx, const Order& order, SpanRef server, UnixNanos start) {
  CallOutcome out = http_call(
      ctx, server, {ServiceId::kPayment, "POST", "/payments/refund", "/payments/refund"}, start,
      [&](SpanRef s, UnixNanos at) { return payment_refund(ctx, order, s, at); });
  return out.end;
}

CallOutcome fail_order(RequestContext& ctx, const Order& order, SpanRef server, UnixNanos t,
                       int status, const std::string& why) {
  Attributes attrs = order_attributes(order);
  attrs.push_back({"error.message", why});
  ctx.trace.log(server, t, status >= 500 ? LogLevel::kError : LogLevel::kWarn,
                "order " + order.id + " failed: " + why, std::move(attrs));
  UnixNanos end = close_order(ctx, order, server, status >= 500 ? "failed" : "rejected", t);
  return {end, status, why};
}

}  // namespace

CallOutcome orders_checkout(RequestContext& ctx, const Order& order, SpanRef server,
                            UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  tb.set(server, "order.id", order.id);
  tb.set(server, "order.amount", order.amount);
  UnixNanos t = internal_work(ctx, server, "validate order", 0.3, start,
                              {{"order.items", static_cast<int64_t>(order.items.size())}});
  tb.log(server, t, LogLevel::kDebug,
         "validated order " + order.id + " with " + std::to_string(order.items.size()) + " items",
         {{"order.id", order.id}, {"order.items", static_cast<int64_t>(order.items.size())}});

  CallOutcome db = db_query(
      ctx, server,
      orders_query("INSERT", "INSERT INTO orders (id, user_id, amount, currency, status) "
                             "VALUES ($1, $2, $3, $4, 'pending')"),
      t);
  if (!db.ok()) return fail_order(ctx, order, server, db.end, 500, "could not store order");
  t = db.end + cpu_time(ctx);
  Attributes created = order_attributes(order);
  created.push_back({"customer.email", ctx.customer.email});
  tb.log(server, t, LogLevel::kInfo,
         "created order " + order.id + " for " + ctx.customer.email + ": " +
             format_amount(order.amount) + " " + order.currency,
         std::move(created));

  CallOutcome paid = charge_with_retries(ctx, order, server, t);
  t = paid.end + cpu_time(ctx);
  if (paid.status == 402) return fail_order(ctx, order, server, t, 402, "card declined");
  if (!paid.ok()) {
    return fail_order(ctx, order, server, t, 502,
                      "payment failed after " + std::to_string(kPaymentAttempts) +
                          " attempts: " + paid.error);
  }

  CallOutcome reserved = http_call(
      ctx, server,
      {ServiceId::kInventory, "POST", "/inventory/reservations", "/inventory/reservations"}, t,
      [&](SpanRef s, UnixNanos at) { return inventory_reserve(ctx, order, s, at); });
  t = reserved.end + cpu_time(ctx);
  if (!reserved.ok()) {
    t = refund(ctx, order, server, t);
    int status = reserved.status == 409 ? 409 : 502;
    return fail_order(ctx, order, server, t, status, "stock reservation failed: " + reserved.error);
  }

  t = close_order(ctx, order, server, "confirmed", t);
  tb.log(server, t, LogLevel::kInfo, "order " + order.id + " confirmed",
         order_attributes(order));
  return {t, 201, ""};
}

CallOutcome orders_lookup(RequestContext& ctx, const std::string& order_id, SpanRef server,
                          UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  tb.set(server, "order.id", order_id);
  CallOutcome cached = db_query(
      ctx, server, {"redis", "0", "GET", "", "GET order:" + order_id, 0.3, 0.5}, start);
  UnixNanos t = cached.end + cpu_time(ctx);
  if (ctx.rng.chance(0.7)) return {t, 200, ""};
  tb.log(server, t, LogLevel::kDebug, "order cache miss for " + order_id,
         {{"order.id", order_id}, {"cache.hit", false}});
  CallOutcome db = db_query(
      ctx, server,
      orders_query("SELECT", "SELECT id, status, amount, currency FROM orders WHERE id = $1", 1.2),
      t);
  t = db.end + cpu_time(ctx);
  if (!db.ok()) {
    tb.log(server, t, LogLevel::kError, "order lookup failed: " + db.error,
           {{"order.id", order_id}});
    return {t, 503, "order lookup failed: " + db.error};
  }
  if (ctx.rng.chance(0.03)) {
    tb.log(server, t, LogLevel::kWarn, "order " + order_id + " not found",
           {{"order.id", order_id}});
    return {t, 404, "order not found"};
  }
  return {t, 200, ""};
}

}  // namespace weft::demo
