#include "client/loki_query_client.h"

#include <cctype>

namespace weft::client {

namespace {

std::string form_escape(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void add(std::string& body, std::string_view key, std::string_view value) {
  if (!body.empty()) body += '&';
  body += form_escape(key);
  body += '=';
  body += form_escape(value);
}

}  // namespace

LokiQueryClient::LokiQueryClient(HttpEndpoint endpoint, std::string tenant, std::chrono::milliseconds timeout)
    : endpoint_(endpoint), tenant_(std::move(tenant)), connection_(std::move(endpoint), timeout) {}

std::string LokiQueryClient::form_body(const LokiQuery& q) {
  std::string body;
  add(body, "query", q.query);
  add(body, "limit", std::to_string(q.limit));
  add(body, "direction", q.forward ? "forward" : "backward");
  if (q.instant) {
    add(body, "time", std::to_string(q.end_ns));
    return body;
  }
  add(body, "start", std::to_string(q.start_ns));
  add(body, "end", std::to_string(q.end_ns));
  if (q.step_ns) add(body, "step", std::to_string(*q.step_ns / 1000000000.0));
  return body;
}

Result<Response> LokiQueryClient::run(const LokiQuery& q) {
  std::string path = q.instant ? "/loki/api/v1/query" : "/loki/api/v1/query_range";
  Request request = prepare_post(endpoint_, path, "application/x-www-form-urlencoded", tenant_, form_body(q),
                                 "weft-query");
  return connection_.send(request);
}

}  // namespace weft::client
