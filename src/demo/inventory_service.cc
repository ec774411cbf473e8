// The inventory service: stock reservations and catalogue searches.
#include "demo/service_handlers.h"

namespace weft::demo {

namespace {

DbQuerySpec stock_query(std::string operation, std::string table, std::string text,
                        double median_ms = 2.0) {
  return {"postgresql", "inventory", std::move(operation), std::move(table), std::move(text),
          median_ms, 0.8};
}

std::string stock_keys(const Order& order) {
  std::string keys;
  for (const auto& item : order.items) keys += " stock:" + item.sku;
  return keys;
}

const std::vector<std::string> kCategories = {"shoes", "outerwear", "camping", "accessories",
                                              "hydration"};

}  // namespace

CallOutcome inventory_reserve(RequestContext& ctx, const Order& order, SpanRef server,
                              UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  tb.set(server, "order.id", order.id);
  CallOutcome cached = db_query(
      ctx, server, {"redis", "0", "MGET", "", "MGET" + stock_keys(order), 0.4, 0.5}, start);
  UnixNanos t = cached.end + cpu_time(ctx);
  const LineItem& item = order.items.front();
  if (ctx.rng.chance(0.015)) {
    tb.log(server, t, LogLevel::kWarn, "insufficient stock for " + item.sku,
           {{"order.id", order.id}, {"sku", item.sku}, {"quantity", item.quantity}});
    return {t, 409, "insufficient stock for " + item.sku};
  }

  CallOutcome reserved = db_query(
      ctx, server,
      stock_query("UPDATE", "stock",
                  "UPDATE stock SET reserved = reserved + $1 WHERE sku = $2 AND "
                  "available - reserved >= $1"),
      t);
  t = reserved.end + cpu_time(ctx);
  if (!reserved.ok()) return {t, 503, "stock reservation failed: " + reserved.error};
  if (ctx.rng.chance(0.06)) {
    int64_t remaining = ctx.rng.between(1, 9);
    tb.log(server, t, LogLevel::kWarn, "low stock: " + std::to_string(remaining) + " left of " + item.sku,
           {{"sku", item.sku}, {"stock.remaining", remaining}});
  }

  CallOutcome shipment = http_call(
      ctx, server, {ServiceId::kShipping, "POST", "/shipments", "/shipments"}, t,
      [&](SpanRef s, UnixNanos at) { return shipping_book(ctx, order, s, at); });
  t = shipment.end + cpu_time(ctx);
  if (!shipment.ok()) {
    tb.log(server, t, LogLevel::kError, "could not book shipment for order " + order.id,
           {{"order.id", order.id}, {"error.message", shipment.error}});
    return {t, 502, "shipment booking failed: " + shipment.error};
  }
  int64_t units = 0;
  for (const auto& line : order.items) units += line.quantity;
  tb.log(server, t, LogLevel::kInfo,
         "reserved " + std::to_string(units) + " units for order " + order.id,
         {{"order.id", order.id}, {"units", units}});
  return {t, 200, ""};
}

CallOutcome inventory_search(RequestContext& ctx, SpanRef server, UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  const std::string& category = ctx.rng.pick(kCategories);
  tb.set(server, "product.category", category);
  CallOutcome cached = db_query(
      ctx, server, {"redis", "0", "GET", "", "GET products:" + category, 0.3, 0.5}, start);
  UnixNanos t = cached.end + cpu_time(ctx);
  if (ctx.rng.chance(0.8)) {
    tb.log(server, t, LogLevel::kDebug, "product cache hit for " + category,
           {{"product.category", category}, {"cache.hit", true}});
    return {t, 200, ""};
  }
  CallOutcome db = db_query(
      ctx, server,
      stock_query("SELECT", "products",
                  "SELECT sku, name, price FROM products WHERE category = $1 ORDER BY rank LIMIT 50",
                  4.0),
      t);
  t = db.end + cpu_time(ctx);
  if (!db.ok()) return {t, 503, "product search failed: " + db.error};
  tb.log(server, t, LogLevel::kInfo, "refreshed product cache for " + category,
         {{"product.category", category}, {"cache.hit", false}});
  return {t, 200, ""};
}

}  // namespace weft::demo
