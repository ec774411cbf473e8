#include "server/http/router.h"

#include <chrono>

#include "common/time.h"

#include "server/http/responses.h"

namespace weft::server {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t pos = 1;  // paths start with '/'
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    segments.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return segments;
}

bool is_path_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view target_query(std::string_view target) {
  size_t q = target.find('?');
  return q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
}

}  // namespace

std::string_view to_string(RouteAccess access) {
  switch (access) {
    case RouteAccess::kPublic: return "public";
    case RouteAccess::kIngest: return "ingest";
    case RouteAccess::kQuery: return "query";
    case RouteAccess::kAdmin: return "admin";
  }
  return "admin";
}

std::string_view target_path(std::string_view target) {
  return target.substr(0, target.find('?'));
}

struct Router::Route {
  http::verb method;
  std::string pattern;
  std::vector<std::string> segments;
  RouteHandler handler;
  RejectionFn rejection;
  RouteAccess access;
  mutable EndpointMetrics metrics;  // thread-safe itself

  Route(http::verb m, std::string p, RouteHandler h, RejectionFn r, RouteAccess a)
      : method(m), pattern(std::move(p)), handler(std::move(h)), rejection(std::move(r)),
        access(a), metrics(pattern) {
    for (auto s : split_path(pattern)) segments.emplace_back(s);
  }

  // Whether the route answers `m`: its own method, and HEAD when it is a GET route (the
  // session then sends the headers only).
  bool serves(http::verb m) const {
    return method == m || (m == http::verb::head && method == http::verb::get);
  }

  // Whether `path` fits the pattern; fills `param` with the path parameter's value.
  bool matches(std::string_view path, std::string* param) const {
    if (path.empty() || path.front() != '/') return false;
    auto parts = split_path(path);
    if (parts.size() != segments.size()) return false;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (is_path_parameter(segments[i])) {
        if (parts[i].empty()) return false;
        *param = std::string(parts[i]);
      } else if (parts[i] != segments[i]) {
        return false;
      }
    }
    return true;
  }
};

Router::Router() : other_(std::make_unique<EndpointMetrics>("other")) {}
Router::~Router() = default;

void Router::add(http::verb method, std::string pattern, RouteHandler handler,
                 RejectionFn rejection) {
  routes_.push_back(std::make_unique<Route>(method, std::move(pattern), std::move(handler),
                                            std::move(rejection), current_access_));
}

Router::AccessScope::AccessScope(Router& router, RouteAccess access)
    : router_(router), previous_(router.current_access_) {
  router.current_access_ = access;
}

Router::AccessScope::~AccessScope() { router_.current_access_ = previous_; }

std::optional<RouteAccess> Router::access_of(http::verb method, std::string_view path) const {
  Match m;
  const Route* route = find(method, path, &m);
  if (!route) return std::nullopt;
  return route->access;
}

Responder Router::audited(Responder respond, const Route& route,
                          const HttpRequest& request) const {
  auto start = std::chrono::steady_clock::now();
  AuditedRequest entry;
  entry.time_unix_nano = now_unix_nanos();
  entry.method = std::string(request.method_string());
  entry.target = std::string(request.target());
  entry.endpoint = route.pattern;
  entry.access = route.access;
  entry.token_id = std::string(request[kTokenIdHeader]);
  entry.tenant = std::string(request[kTenantHeaderName]);
  return Responder([respond, entry = std::move(entry), start,
                    auditor = auditor_](HttpResponse response) mutable {
    entry.status = response.result_int();
    entry.duration_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    respond(std::move(response));
    auditor->record(std::move(entry));
  });
}

std::optional<HttpResponse> Router::denial(const Route& route, HttpRequest& request) const {
  if (!guard_ || route.access == RouteAccess::kPublic) return std::nullopt;
  auto denied = guard_->admit(route.access, request);
  if (!denied) return std::nullopt;
  HttpResponse response = route.rejection
                              ? route.rejection(request.base(), denied->status, denied->message)
                              : json_error(denied->status, denied->message);
  if (denied->status == http::status::unauthorized) {
    response.insert(http::field::www_authenticate, R"(Bearer realm="weft")");
    response.insert(http::field::www_authenticate, R"(Basic realm="weft")");
  }
  return response;
}

const Router::Route* Router::find(http::verb method, std::string_view path, Match* match) const {
  const Route* found = nullptr;
  for (const auto& route : routes_) {
    std::string param;
    if (!route->matches(path, &param)) continue;
    if (route->serves(method) && !found) {
      found = route.get();
      match->kind = Match::Kind::kFound;
      match->pattern = route->pattern;
      match->path_param = std::move(param);
    }
    if (!match->allow.empty()) match->allow += ", ";
    match->allow += std::string(http::to_string(route->method));
  }
  if (!found && !match->allow.empty()) match->kind = Match::Kind::kWrongMethod;
  return found;
}

Router::Match Router::match(http::verb method, std::string_view path) const {
  Match m;
  find(method, path, &m);
  if (m.kind != Match::Kind::kWrongMethod) m.allow.clear();
  return m;
}

Responder Router::instrumented(Responder respond, EndpointMetrics& metrics) const {
  auto start = std::chrono::steady_clock::now();
  return Responder([respond, &metrics, start](HttpResponse response) {
    metrics.record(response.result_int(), std::chrono::steady_clock::now() - start);
    respond(std::move(response));
  });
}

void Router::handle(HttpRequest request, Responder respond) {
  std::string_view path = target_path(request.target());
  Match m;
  const Route* route = find(request.method(), path, &m);
  if (!route) {
    Responder counted = instrumented(std::move(respond), *other_);
    if (m.kind == Match::Kind::kWrongMethod) {
      HttpResponse response = json_error(http::status::method_not_allowed,
                                         "method " + std::string(request.method_string()) +
                                             " not allowed; allowed: " + m.allow);
      response.set(http::field::allow, m.allow);
      return counted(std::move(response));
    }
    return counted(json_error(http::status::not_found, "no such path: " + std::string(path)));
  }
  Responder counted = instrumented(std::move(respond), route->metrics);
  std::optional<HttpResponse> denied = denial(*route, request);
  if (auditor_ && (route->access == RouteAccess::kQuery || route->access == RouteAccess::kAdmin))
    counted = audited(std::move(counted), *route, request);
  if (denied) return counted(std::move(*denied));
  auto params = QueryParams::parse(target_query(request.target()));
  if (!params) return counted(json_error(http::status::bad_request, params.status().message()));
  Request req{std::move(request), route->pattern, std::string(path), std::move(*params),
              std::move(m.path_param)};
  route->handler(std::move(req), std::move(counted));
}

void Router::add_websocket(std::string path, WebSocketHandler handler) {
  websocket_routes_.push_back({std::move(path), std::move(handler), current_access_});
}

bool Router::accepts_websocket(HttpRequest& request) const {
  if (request.method() != http::verb::get) return false;
  std::string_view path = target_path(request.target());
  for (const WebSocketRoute& route : websocket_routes_) {
    if (route.path != path) continue;
    if (!guard_ || route.access == RouteAccess::kPublic) return true;
    return !guard_->admit(route.access, request).has_value();
  }
  return false;
}

void Router::handle_websocket(HttpRequest request, std::shared_ptr<WebSocketChannel> channel) {
  std::string path(target_path(request.target()));
  for (const WebSocketRoute& route : websocket_routes_) {
    if (route.path != path) continue;
    auto params = QueryParams::parse(target_query(request.target()));
    if (!params) return channel->close(params.status().message());
    return route.handler(Request{std::move(request), route.path, path, std::move(*params), ""}, std::move(channel));
  }
  channel->close("no such path");
}

HttpResponse Router::rejection(const HttpRequestHeader& header, http::status status,
                               std::string_view message) {
  Match m;
  const Route* route = find(header.method(), target_path(header.target()), &m);
  EndpointMetrics& metrics = route ? route->metrics : *other_;
  HttpResponse response = route && route->rejection ? route->rejection(header, status, message)
                                                    : json_error(status, message);
  metrics.record(response.result_int(), std::chrono::steady_clock::duration::zero());
  return response;
}

}  // namespace weft::server
