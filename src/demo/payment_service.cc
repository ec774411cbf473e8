// The payment service: charges and refunds through a third-party card processor.
#include "demo/service_handlers.h"

namespace weft::demo {

namespace {

DbQuerySpec payments_query(std::string operation, std::string table, std::string text) {
  return {"postgresql", "payments", std::move(operation), std::move(table), std::move(text),
          1.6, 0.7};
}

ExternalCallSpec processor_call(const std::string& path, bool degraded) {
  return {"api.cardprocessor.example", "POST", path, 110, 0.55, 1500, degraded ? 0.75 : 0.012};
}

Attributes payment_attributes(const Order& order) {
  return {{"order.id", order.id}, {"amount", order.amount}, {"currency", order.currency}};
}

}  // namespace

CallOutcome payment_charge(RequestContext& ctx, const Order& order, SpanRef server,
                           UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  tb.set(server, "order.id", order.id);
  tb.set(server, "payment.card.brand", ctx.customer.card_brand);
  // A careless debug line with the full card number: something for redaction to catch.
  tb.log(server, start, LogLevel::kDebug,
         "charging card " + ctx.customer.card_number + " for order " + order.id + " (" +
             format_amount(order.amount) + " " + order.currency + ")",
         payment_attributes(order));

  double score = ctx.rng.uniform(0, 0.35);
  UnixNanos t = internal_work(ctx, server, "fraud check", 2.5, start, {{"fraud.score", score}});
  CallOutcome method = db_query(
      ctx, server,
      payments_query("SELECT", "payment_methods",
                     "SELECT token, brand, last4 FROM payment_methods WHERE user_id = $1"),
      t);
  t = method.end + cpu_time(ctx);
  if (!method.ok()) return {t, 503, "payment method lookup failed: " + method.error};

  CallOutcome charged =
      external_call(ctx, server, processor_call("/v1/charges", ctx.card_processor_degraded), t);
  t = charged.end + cpu_time(ctx);
  if (!charged.ok()) {
    Attributes attrs = payment_attributes(order);
    attrs.push_back({"exception.type", "TimeoutError"});
    attrs.push_back({"exception.message", charged.error});
    tb.log(server, t, LogLevel::kError, "card processor timeout for order " + order.id, attrs);
    tb.exception(server, t, "TimeoutError", charged.error);
    return {t, 504, "card processor timed out"};
  }
  if (ctx.rng.chance(0.03)) {
    Attributes attrs = payment_attributes(order);
    attrs.push_back({"payment.decline_reason", "insufficient_funds"});
    tb.log(server, t, LogLevel::kWarn,
           "card declined for " + ctx.customer.email + ": insufficient funds", std::move(attrs));
    tb.set(server, "payment.declined", true);
    return {t, 402, "card declined"};
  }

  std::string payment_id = fake_id(ctx.rng, "pay-", 10);
  CallOutcome stored = db_query(
      ctx, server,
      payments_query("INSERT", "payments",
                     "INSERT INTO payments (id, order_id, amount, currency, status) "
                     "VALUES ($1, $2, $3, $4, 'captured')"),
      t);
  t = stored.end + cpu_time(ctx);
  if (!stored.ok()) return {t, 500, "could not record payment: " + stored.error};
  Attributes attrs = payment_attributes(order);
  attrs.push_back({"payment.id", payment_id});
  tb.log(server, t, LogLevel::kInfo,
         "captured payment " + payment_id + " of " + format_amount(order.amount) + " " +
             order.currency,
         std::move(attrs));
  return {t, 200, ""};
}

CallOutcome payment_refund(RequestContext& ctx, const Order& order, SpanRef server,
                           UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  tb.set(server, "order.id", order.id);
  CallOutcome refunded = external_call(ctx, server, processor_call("/v1/refunds", false), start);
  UnixNanos t = refunded.end + cpu_time(ctx);
  if (!refunded.ok()) {
    tb.log(server, t, LogLevel::kError, "refund for order " + order.id + " failed; queued for retry",
           payment_attributes(order));
    return {t, 504, "refund timed out"};
  }
  CallOutcome stored = db_query(
      ctx, server,
      payments_query("UPDATE", "payments",
                     "UPDATE payments SET status = 'refunded' WHERE order_id = $1"),
      t);
  t = stored.end + cpu_time(ctx);
  tb.log(server, t, LogLevel::kInfo,
         "refunded " + format_amount(order.amount) + " " + order.currency + " for order " +
             order.id,
         payment_attributes(order));
  return {t, 200, ""};
}

}  // namespace weft::demo
