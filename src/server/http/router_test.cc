#include "server/http/router.h"

#include <gtest/gtest.h>

namespace weft::server {
namespace {

using Kind = Router::Match::Kind;

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    auto answer = [](std::string text) {
      return [text](Request request, Responder respond) {
        respond(make_response(http::status::ok, "text/plain", text + "|" + request.path_param +
                                                                  "|" + request.path));
      };
    };
    router_.add(http::verb::get, "/api/v1/logs", answer("logs"));
    router_.add(http::verb::get, "/api/v1/traces/{trace_id}", answer("trace"));
    router_.add(http::verb::post, "/v1/logs", answer("ingest"));
    router_.add(http::verb::get, "/v1/logs", answer("ingest-get"));
  }

  // Sends a request through the router and returns the response.
  HttpResponse call(http::verb method, std::string target) {
    HttpResponse out;
    router_.handle(HttpRequest{method, target, 11},
                   Responder([&out](HttpResponse response) { out = std::move(response); }));
    return out;
  }

  Router router_;
};

TEST_F(RouterTest, MatchesLiteralPaths) {
  auto m = router_.match(http::verb::get, "/api/v1/logs");
  EXPECT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(m.pattern, "/api/v1/logs");
  EXPECT_EQ(m.path_param, "");
}

TEST_F(RouterTest, CapturesThePathParameter) {
  auto m = router_.match(http::verb::get, "/api/v1/traces/5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(m.pattern, "/api/v1/traces/{trace_id}");
  EXPECT_EQ(m.path_param, "5b8efff798038103d269b633813fc60c");
}

TEST_F(RouterTest, PathParameterNeedsOneNonEmptySegment) {
  EXPECT_EQ(router_.match(http::verb::get, "/api/v1/traces/").kind, Kind::kNotFound);
  EXPECT_EQ(router_.match(http::verb::get, "/api/v1/traces").kind, Kind::kNotFound);
  EXPECT_EQ(router_.match(http::verb::get, "/api/v1/traces/a/b").kind, Kind::kNotFound);
}

TEST_F(RouterTest, HeadIsServedByTheGetRoute) {
  auto m = router_.match(http::verb::head, "/api/v1/traces/abc");
  EXPECT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(m.pattern, "/api/v1/traces/{trace_id}");
  EXPECT_EQ(call(http::verb::head, "/v1/logs").body(), "ingest-get||/v1/logs");
}

TEST_F(RouterTest, UnknownPathsAndTrailingSlashesAreNotFound) {
  EXPECT_EQ(router_.match(http::verb::get, "/nope").kind, Kind::kNotFound);
  EXPECT_EQ(router_.match(http::verb::get, "/api/v1/logs/").kind, Kind::kNotFound);
  EXPECT_EQ(router_.match(http::verb::get, "").kind, Kind::kNotFound);
  EXPECT_EQ(router_.match(http::verb::get, "api/v1/logs").kind, Kind::kNotFound);
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  auto m = router_.match(http::verb::delete_, "/v1/logs");
  EXPECT_EQ(m.kind, Kind::kWrongMethod);
  EXPECT_EQ(m.allow, "POST, GET");
  EXPECT_EQ(router_.match(http::verb::post, "/v1/logs").kind, Kind::kFound);
}

TEST_F(RouterTest, DispatchesWithPathAndParameter) {
  auto response = call(http::verb::get, "/api/v1/traces/abc?x=1");
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), "trace|abc|/api/v1/traces/abc");
}

TEST_F(RouterTest, ParsesQueryParameters) {
  Router router;
  std::string seen;
  router.add(http::verb::get, "/q", [&seen](Request request, Responder respond) {
    seen = *request.params.get("a") + "," + *request.params.get("b");
    respond(make_response(http::status::ok, "text/plain", ""));
  });
  router.handle(HttpRequest{http::verb::get, "/q?a=x+y&b=%2Fz", 11},
                Responder([](HttpResponse) {}));
  EXPECT_EQ(seen, "x y,/z");
}

TEST_F(RouterTest, AnswersNotFoundWithJson) {
  auto response = call(http::verb::get, "/missing");
  EXPECT_EQ(response.result(), http::status::not_found);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_NE(response.body().find("\"error\""), std::string::npos);
}

TEST_F(RouterTest, AnswersMethodNotAllowedWithAllowHeader) {
  auto response = call(http::verb::put, "/api/v1/logs");
  EXPECT_EQ(response.result(), http::status::method_not_allowed);
  EXPECT_EQ(response[http::field::allow], "GET");
  EXPECT_NE(response.body().find("\"error\""), std::string::npos);
}

TEST_F(RouterTest, MalformedQueryStringIsBadRequest) {
  auto response = call(http::verb::get, "/api/v1/logs?q=%zz");
  EXPECT_EQ(response.result(), http::status::bad_request);
}

TEST_F(RouterTest, RejectionUsesTheRouteFormatter) {
  Router router;
  router.add(
      http::verb::post, "/v1/logs", [](Request, Responder) {},
      [](const HttpRequestHeader&, http::status status, std::string_view message) {
        return make_response(status, "application/json", "custom:" + std::string(message));
      });
  HttpRequestHeader header;
  header.method(http::verb::post);
  header.target("/v1/logs");
  auto custom = router.rejection(header, http::status::payload_too_large, "too big");
  EXPECT_EQ(custom.body(), "custom:too big");
  header.target("/other");
  auto plain = router.rejection(header, http::status::payload_too_large, "too big");
  EXPECT_EQ(plain.body(), R"({"error":"too big"})");
}

TEST(TargetPathTest, StripsTheQuery) {
  EXPECT_EQ(target_path("/a/b?c=d"), "/a/b");
  EXPECT_EQ(target_path("/a"), "/a");
}

// A guard that admits requests carrying "Authorization: ok" and records what it was asked.
class HeaderGuard final : public RouteGuard {
 public:
  std::optional<AccessDenial> admit(RouteAccess access, HttpRequest& request) const override {
    asked.push_back(access);
    if (request[http::field::authorization] == "ok") {
      request.set("X-Scope-OrgID", "bound");
      return std::nullopt;
    }
    if (request[http::field::authorization] == "weak")
      return AccessDenial{http::status::forbidden, "not allowed"};
    return AccessDenial{http::status::unauthorized, "who are you"};
  }
  mutable std::vector<RouteAccess> asked;
};

TEST(RouterAccessTest, RoutesOutsideAScopeNeedAdmin) {
  Router router;
  auto ok = [](Request, Responder respond) { respond(make_response(http::status::ok, "text/plain", "")); };
  router.add(http::verb::get, "/admin", ok);
  {
    Router::AccessScope query(router, RouteAccess::kQuery);
    router.add(http::verb::get, "/q", ok);
    {
      Router::AccessScope pub(router, RouteAccess::kPublic);
      router.add(http::verb::get, "/p", ok);
    }
    router.add(http::verb::get, "/q2", ok);
  }
  router.add(http::verb::get, "/later", ok);
  EXPECT_EQ(router.access_of(http::verb::get, "/admin"), RouteAccess::kAdmin);
  EXPECT_EQ(router.access_of(http::verb::get, "/q"), RouteAccess::kQuery);
  EXPECT_EQ(router.access_of(http::verb::get, "/p"), RouteAccess::kPublic);
  EXPECT_EQ(router.access_of(http::verb::get, "/q2"), RouteAccess::kQuery);
  EXPECT_EQ(router.access_of(http::verb::get, "/later"), RouteAccess::kAdmin);
  EXPECT_FALSE(router.access_of(http::verb::get, "/none"));
}

TEST(RouterAccessTest, GuardRunsBeforeHandlersInTheRoutesErrorShape) {
  Router router;
  std::string seen_tenant;
  {
    Router::AccessScope ingest(router, RouteAccess::kIngest);
    router.add(
        http::verb::post, "/push",
        [&](Request request, Responder respond) {
          seen_tenant = std::string(request.message["X-Scope-OrgID"]);
          respond(make_response(http::status::ok, "text/plain", "stored"));
        },
        [](const HttpRequestHeader&, http::status status, std::string_view message) {
          return make_response(status, "text/plain", "push: " + std::string(message));
        });
    Router::AccessScope pub(router, RouteAccess::kPublic);
    router.add(http::verb::get, "/ready", [](Request, Responder respond) {
      respond(make_response(http::status::ok, "text/plain", "ready"));
    });
  }
  auto guard = std::make_shared<HeaderGuard>();
  router.set_guard(guard);
  auto call = [&](http::verb method, std::string target, std::string auth) {
    HttpRequest request{method, target, 11};
    if (!auth.empty()) request.set(http::field::authorization, auth);
    HttpResponse out;
    router.handle(std::move(request), Responder([&out](HttpResponse r) { out = std::move(r); }));
    return out;
  };
  auto denied = call(http::verb::post, "/push", "");
  EXPECT_EQ(denied.result(), http::status::unauthorized);
  EXPECT_EQ(denied.body(), "push: who are you");
  EXPECT_NE(denied[http::field::www_authenticate].find("Bearer"), std::string::npos);
  EXPECT_TRUE(seen_tenant.empty());
  auto forbidden = call(http::verb::post, "/push", "weak");
  EXPECT_EQ(forbidden.result(), http::status::forbidden);
  EXPECT_TRUE(forbidden[http::field::www_authenticate].empty());
  auto stored = call(http::verb::post, "/push", "ok");
  EXPECT_EQ(stored.body(), "stored");
  EXPECT_EQ(seen_tenant, "bound");
  EXPECT_EQ(call(http::verb::get, "/ready", "").body(), "ready");  // public: never asked
  EXPECT_EQ(guard->asked, (std::vector<RouteAccess>(3, RouteAccess::kIngest)));
}

}  // namespace
}  // namespace weft::server
