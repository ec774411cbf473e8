// Router: dispatches requests by method and path to route handlers, answering 404 and 405
// itself ({"error": ...}), and records the request metrics of every answer.
//
// A route pattern is a path of literal segments, of which one may be a "{name}" path parameter
// matching any one non-empty segment: "/api/v1/traces/{trace_id}". Routes are tried in the
// order they were added; HEAD is answered by the first GET (or HEAD) route of the path, with
// the headers GET would send and no body. The query string is parsed for the handler (a malformed one is a
// 400). Both of weft's listeners serve the same Router.
//
// Every route needs a RouteAccess (route_access.h): the one of the innermost AccessScope alive
// when it was added, kAdmin outside any scope. With a RouteGuard set, each request is checked
// against its route's access before the handler runs; a denial is answered in the route's own
// error shape (its RejectionFn, else {"error": ...}) with WWW-Authenticate on 401. With a
// RequestAuditor set, every answered request to a query or admin route is reported to it.
//
// Thread safety: add(), AccessScope and set_guard() before serving; handle() and rejection()
// concurrently afterwards.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/http_handler.h"
#include "server/http/query_params.h"
#include "server/http/request_metrics.h"
#include "server/http/request_audit.h"
#include "server/http/route_access.h"

namespace weft::server {

// A request as a route handler sees it.
struct Request {
  HttpRequest message;     // the handler may move the body out
  std::string_view endpoint;  // the matched route pattern (a metrics label)
  std::string path;        // the target before '?'
  QueryParams params;
  std::string path_param;  // the value of the pattern's {name} segment; "" without one
};

using RouteHandler = std::function<void(Request request, Responder respond)>;
// Serves an accepted WebSocket connection (its upgrade request and the channel).
using WebSocketHandler = std::function<void(Request request, std::shared_ptr<WebSocketChannel> channel)>;
// Formats the answer to a request for this route that the HTTP layer rejected before it was
// complete (see HttpHandler::rejection). Also the place to count it in route metrics.
using RejectionFn =
    std::function<HttpResponse(const HttpRequestHeader& header, http::status status,
                               std::string_view message)>;

class Router final : public HttpHandler {
 public:
  Router();
  ~Router() override;

  void add(http::verb method, std::string pattern, RouteHandler handler,
           RejectionFn rejection = {});

  // A WebSocket route on an exact path: a GET with "Upgrade: websocket" there becomes a
  // WebSocket connection handed to `handler`; a plain GET is answered by the HTTP route of the
  // same path, if any.
  void add_websocket(std::string path, WebSocketHandler handler);

  // While alive, routes added to `router` need `access`. Scopes nest; the innermost wins.
  class AccessScope {
   public:
    AccessScope(Router& router, RouteAccess access);
    ~AccessScope();
    AccessScope(const AccessScope&) = delete;
    AccessScope& operator=(const AccessScope&) = delete;

   private:
    Router& router_;
    RouteAccess previous_;
  };

  // Enforces every non-public route's access from now on; nullptr (the default) admits all.
  void set_guard(std::shared_ptr<const RouteGuard> guard) { guard_ = std::move(guard); }
  // Reports every answered request to a query or admin route from now on; nullptr: none.
  void set_auditor(std::shared_ptr<RequestAuditor> auditor) { auditor_ = std::move(auditor); }
  // The access the route answering `method` and `path` needs; nullopt without such a route.
  std::optional<RouteAccess> access_of(http::verb method, std::string_view path) const;

  void handle(HttpRequest request, Responder respond) override;
  // A WebSocket route of the request's path admits it (with auth on, the route's access
  // decides; a refused upgrade is answered by the HTTP route of the same path, with 401/403).
  bool accepts_websocket(HttpRequest& request) const override;
  void handle_websocket(HttpRequest request, std::shared_ptr<WebSocketChannel> channel) override;
  HttpResponse rejection(const HttpRequestHeader& header, http::status status,
                         std::string_view message) override;

  // The outcome of matching a method and path (exposed for tests).
  struct Match {
    enum class Kind { kFound, kWrongMethod, kNotFound };
    Kind kind = Kind::kNotFound;
    std::string pattern;     // of the found route
    std::string path_param;  // of the found route
    std::string allow;       // for kWrongMethod: the methods the path has, "GET, POST"
  };
  Match match(http::verb method, std::string_view path) const;

 private:
  struct Route;
  const Route* find(http::verb method, std::string_view path, Match* match) const;
  Responder instrumented(Responder respond, EndpointMetrics& metrics) const;
  std::optional<HttpResponse> denial(const Route& route, HttpRequest& request) const;
  Responder audited(Responder respond, const Route& route, const HttpRequest& request) const;

  std::vector<std::unique_ptr<Route>> routes_;
  struct WebSocketRoute {
    std::string path;
    WebSocketHandler handler;
    RouteAccess access;
  };
  std::vector<WebSocketRoute> websocket_routes_;
  std::unique_ptr<EndpointMetrics> other_;  // requests that matched no route
  RouteAccess current_access_ = RouteAccess::kAdmin;  // of routes added now (AccessScope)
  std::shared_ptr<const RouteGuard> guard_;
  std::shared_ptr<RequestAuditor> auditor_;
};

// The path of a request target, without its query string.
std::string_view target_path(std::string_view target);

}  // namespace weft::server
