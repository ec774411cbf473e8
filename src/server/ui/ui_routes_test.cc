#include "server/ui/ui_routes.h"

#include <gtest/gtest.h>

#include <vector>

namespace weft::server::ui {
namespace {

// A UI build of three files, as embed-assets.mjs would describe it.
constexpr UiAsset kAssets[] = {
    {"/assets/app-1a2b3c.js", "text/javascript; charset=utf-8", "\"js1\"", "console.log(1)",
     "\"js1-gz\"", "GZIPPED-JS"},
    {"/favicon.svg", "image/svg+xml", "\"ico\"", "<svg/>", "", ""},
    {"/index.html", "text/html; charset=utf-8", "\"html\"", "<!doctype html>", "\"html-gz\"",
     "GZIPPED-HTML"},
};

class UiRoutesTest : public ::testing::Test {
 protected:
  explicit UiRoutesTest(std::span<const UiAsset> assets = kAssets) {
    // The API's own routes, to check that the UI does not shadow them.
    router_.add(http::verb::get, "/api/v1/logs", [](Request, Responder respond) {
      respond(make_response(http::status::ok, "application/json", "{}"));
    });
    add_ui_routes(router_, assets);
  }

  HttpResponse get(std::string target, std::vector<std::pair<http::field, std::string>> headers = {}) {
    HttpRequest request{http::verb::get, target, 11};
    for (auto& [name, value] : headers) request.set(name, value);
    HttpResponse out;
    router_.handle(std::move(request), Responder([&out](HttpResponse r) { out = std::move(r); }));
    return out;
  }

  Router router_;
};

TEST_F(UiRoutesTest, AppPathsServeIndexHtml) {
  for (std::string path : {"/", "/explore", "/services", "/trace/5b8efff798038103d269b633813fc60c",
                           "/explore?service=payment&level=error"}) {
    HttpResponse r = get(path);
    EXPECT_EQ(r.result(), http::status::ok) << path;
    EXPECT_EQ(r.body(), "<!doctype html>") << path;
    EXPECT_EQ(r[http::field::content_type], "text/html; charset=utf-8") << path;
    EXPECT_EQ(r[http::field::cache_control], "no-cache") << path;
    EXPECT_EQ(r[http::field::etag], "\"html\"") << path;
    EXPECT_NE(r["Content-Security-Policy"].find("default-src 'self'"), std::string_view::npos);
    EXPECT_EQ(r["X-Content-Type-Options"], "nosniff");
  }
}

TEST_F(UiRoutesTest, HashedAssetsAreImmutable) {
  HttpResponse r = get("/assets/app-1a2b3c.js");
  EXPECT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r.body(), "console.log(1)");
  EXPECT_EQ(r[http::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(r[http::field::cache_control], "public, max-age=31536000, immutable");
  EXPECT_EQ(r[http::field::vary], "Accept-Encoding");
  EXPECT_EQ(r["Content-Security-Policy"], "");  // only documents carry the policy
}

TEST_F(UiRoutesTest, TopLevelFilesAreServed) {
  HttpResponse r = get("/favicon.svg");
  EXPECT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r.body(), "<svg/>");
  EXPECT_EQ(r[http::field::cache_control], "no-cache");
  EXPECT_EQ(r[http::field::vary], "");  // one representation only
}

TEST_F(UiRoutesTest, GzipWhenAccepted) {
  HttpResponse r = get("/assets/app-1a2b3c.js", {{http::field::accept_encoding, "gzip, br"}});
  EXPECT_EQ(r.body(), "GZIPPED-JS");
  EXPECT_EQ(r[http::field::content_encoding], "gzip");
  EXPECT_EQ(r[http::field::etag], "\"js1-gz\"");
  HttpResponse plain = get("/assets/app-1a2b3c.js", {{http::field::accept_encoding, "br"}});
  EXPECT_EQ(plain.body(), "console.log(1)");
  EXPECT_EQ(plain[http::field::content_encoding], "");
  // A file without a gzip variant is sent as it is.
  EXPECT_EQ(get("/favicon.svg", {{http::field::accept_encoding, "gzip"}}).body(), "<svg/>");
}

TEST_F(UiRoutesTest, NotModifiedForTheCurrentEtag) {
  HttpResponse r = get("/", {{http::field::if_none_match, "\"html\""}});
  EXPECT_EQ(r.result(), http::status::not_modified);
  EXPECT_EQ(r.body(), "");
  EXPECT_EQ(r[http::field::etag], "\"html\"");
  // The gzip variant has its own tag.
  EXPECT_EQ(get("/", {{http::field::if_none_match, "\"html\""}, {http::field::accept_encoding, "gzip"}})
                .result(),
            http::status::ok);
  EXPECT_EQ(get("/", {{http::field::if_none_match, "\"old\""}}).result(), http::status::ok);
}

TEST_F(UiRoutesTest, OtherPathsKeepTheirAnswers) {
  EXPECT_EQ(get("/api/v1/logs").body(), "{}");
  for (std::string path : {"/api/v1/nope", "/loki/api/v1/query_range", "/v1/metrics", "/metrics",
                           "/explore/more", "/trace/", "/trace/a/b", "/assets/nope.js",
                           "/assets/a/b.js", "/index.htm", "/index.html/"}) {
    HttpResponse r = get(path);
    EXPECT_EQ(r.result(), http::status::not_found) << path;
    EXPECT_EQ(r[http::field::content_type], "application/json") << path;
  }
}

class UiNotBuiltTest : public UiRoutesTest {
 protected:
  UiNotBuiltTest() : UiRoutesTest(std::span<const UiAsset>()) {}
};

TEST_F(UiNotBuiltTest, AppPathsSayTheUiIsNotBuiltIn) {
  for (std::string path : {"/", "/explore", "/trace/abc"}) {
    HttpResponse r = get(path);
    EXPECT_EQ(r.result(), http::status::not_found) << path;
    EXPECT_NE(r.body().find("WEFT_UI=OFF"), std::string::npos) << r.body();
  }
  EXPECT_EQ(get("/api/v1/logs").body(), "{}");
}

TEST(EmbeddedUiAssets, HoldTheBuiltUi) {
  auto assets = embedded_ui_assets();
#ifdef WEFT_UI_BUILT
  const UiAsset* index = find_ui_asset(assets, "/index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_NE(index->body.find("<div id=\"app\">"), std::string_view::npos);
  bool has_script = false;
  for (const UiAsset& asset : assets) {
    EXPECT_EQ(asset.etag.front(), '"') << asset.path;
    if (asset.path.starts_with("/assets/") && asset.path.ends_with(".js")) {
      has_script = true;
      EXPECT_TRUE(asset.has_gzip()) << asset.path;
      EXPECT_LT(asset.gzip.size(), asset.body.size());
      EXPECT_EQ(asset.gzip.substr(0, 2), "\x1f\x8b");  // gzip magic
      EXPECT_NE(index->body.find(asset.path), std::string_view::npos) << "index.html loads it";
    }
  }
  EXPECT_TRUE(has_script);
#else
  EXPECT_TRUE(assets.empty());
#endif
}

}  // namespace
}  // namespace weft::server::ui
