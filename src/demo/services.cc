// The gateway and the three kinds of user requests that enter through it.
#include "demo/services.h"

#include "demo/service_handlers.h"

namespace weft::demo {

namespace {

struct GatewayRoute {
  std::string method;
  std::string route;
  std::string path;
};

const std::vector<std::string> kUserAgents = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15",
    "shop-android/5.12.0 okhttp/4.12.0",
};

std::string client_address(Random& rng) {
  return "203.0.113." + std::to_string(rng.between(1, 254));
}

LogLevel access_log_level(int status) {
  if (status >= 500) return LogLevel::kError;
  if (status >= 400) return LogLevel::kWarn;
  return LogLevel::kInfo;
}

// A request from the internet: the root server span in a gateway instance, authentication,
// then `backend` forwards it; an access log line at the end.
CallOutcome gateway_request(RequestContext& ctx, const GatewayRoute& route, UnixNanos start,
                            const ServerHandler& backend) {
  TraceBuilder& tb = ctx.trace;
  const Instance& gateway = ctx.topology.pick(ServiceId::kGateway, ctx.env, ctx.rng);
  SpanRef root =
      tb.start_root(gateway, route.method + " " + route.route, SpanKind::kServer, start);
  std::string client = client_address(ctx.rng);
  tb.set(root, "http.request.method", route.method);
  tb.set(root, "http.route", route.route);
  tb.set(root, "url.path", route.path);
  tb.set(root, "url.scheme", "https");
  tb.set(root, "server.address", "shop.example.com");
  tb.set(root, "client.address", client);
  tb.set(root, "user_agent.original", ctx.rng.pick(kUserAgents));

  CallOutcome out = serve(ctx, root, start, [&](SpanRef s, UnixNanos t) {
    t = internal_work(ctx, s, "authenticate", 0.4, t, {{"enduser.id", ctx.customer.user_id}});
    tb.log(s, t, LogLevel::kDebug, "authenticated " + ctx.customer.user_id,
           {{"http.route", route.route}});
    return backend(s, t);
  });
  double duration_ms = static_cast<double>(out.end - start) / 1e6;
  tb.log(root, out.end, access_log_level(out.status),
         route.method + " " + route.path + " " + std::to_string(out.status) + " " +
             std::to_string(static_cast<int64_t>(duration_ms)) + "ms",
         {{"http.request.method", route.method},
          {"http.route", route.route},
          {"http.response.status_code", out.status},
          {"duration_ms", duration_ms},
          {"client.address", client}});
  return out;
}

}  // namespace

CallOutcome simulate_checkout(RequestContext& ctx, UnixNanos start) {
  Order order = fake_order(ctx.rng);
  return gateway_request(
      ctx, {"POST", "/api/orders", "/api/orders"}, start, [&](SpanRef s, UnixNanos t) {
        return http_call(ctx, s, {ServiceId::kOrders, "POST", "/orders", "/orders"}, t,
                         [&](SpanRef o, UnixNanos at) {
                           return orders_checkout(ctx, order, o, at);
                         });
      });
}

CallOutcome simulate_order_lookup(RequestContext& ctx, UnixNanos start) {
  std::string order_id = fake_id(ctx.rng, "ord-", 8);
  return gateway_request(
      ctx, {"GET", "/api/orders/{order_id}", "/api/orders/" + order_id}, start,
      [&](SpanRef s, UnixNanos t) {
        return http_call(ctx, s,
                         {ServiceId::kOrders, "GET", "/orders/{order_id}", "/orders/" + order_id},
                         t, [&](SpanRef o, UnixNanos at) {
                           return orders_lookup(ctx, order_id, o, at);
                         });
      });
}

CallOutcome simulate_product_search(RequestContext& ctx, UnixNanos start) {
  return gateway_request(
      ctx, {"GET", "/api/products", "/api/products"}, start, [&](SpanRef s, UnixNanos t) {
        return http_call(ctx, s, {ServiceId::kInventory, "GET", "/products", "/products"}, t,
                         [&](SpanRef i, UnixNanos at) { return inventory_search(ctx, i, at); });
      });
}

}  // namespace weft::demo
