// IngestTestServer: a real Server (TestServer) with helpers to send ingest requests over real
// connections and read records back through GET /api/v1/logs. Header-only; tests only.
#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <string_view>

#include "server/http/test_http_client.h"
#include "server/test_server.h"

namespace weft::server::testing {

class IngestTestServer {
 public:
  IngestTestServer(std::string_view name, const std::function<void(ServerOptions&)>& adjust = {})
      : server_(name, adjust) {
    Status started = server_.start();
    EXPECT_TRUE(started.is_ok()) << started.message();
  }

  HttpResponse send(http::verb method, std::string_view target, std::string body = {},
                    const Headers& headers = {}) {
    TestHttpClient client(server_.address());
    return client.request(method, target, std::move(body), headers);
  }
  HttpResponse post(std::string_view target, std::string body, const Headers& headers = {}) {
    return send(http::verb::post, target, std::move(body), headers);
  }
  HttpResponse get(std::string_view target, const Headers& headers = {}) {
    return send(http::verb::get, target, {}, headers);
  }

  // The records GET /api/v1/logs?<query> returns (the parser keeps them alive).
  simdjson::dom::array logs(std::string_view query) {
    HttpResponse response = get("/api/v1/logs?" + std::string(query));
    EXPECT_EQ(response.result(), http::status::ok) << response.body();
    last_body_ = response.body();
    simdjson::dom::element root;
    simdjson::dom::array records;
    if (parser_.parse(last_body_).get(root) != simdjson::SUCCESS ||
        root["records"].get_array().get(records) != simdjson::SUCCESS)
      ADD_FAILURE() << "not a log list: " << last_body_;
    return records;
  }

 private:
  TestServer server_;
  simdjson::dom::parser parser_;
  std::string last_body_;
};

}  // namespace weft::server::testing
