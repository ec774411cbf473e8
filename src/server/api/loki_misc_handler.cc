// GET /loki/api/v1/status/buildinfo, GET|POST /loki/api/v1/format_query, and
// GET /loki/api/v1/patterns (404, as Loki answers with pattern ingestion off).
#include "common/json_writer.h"
#include "query/logql/parser.h"
#include "query/logql/printer.h"
#include "server/api/api.h"
#include "server/api/loki_params.h"
#include "server/api/loki_support.h"
#include "server/http/responses.h"

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.0.0"
#endif

namespace weft::server::api {

namespace {

// The Loki API version weft answers like (Grafana reads `version` to pick features).
constexpr std::string_view kLokiApiVersion = "3.5.0";

void handle_buildinfo(const Responder& respond) {
  JsonWriter w;
  w.begin_object();
  w.key("version");
  w.value(kLokiApiVersion);
  w.key("revision");
  w.value("weft-" WEFT_VERSION);
  w.key("branch");
  w.value("weft");
  w.key("buildUser");
  w.value("");
  w.key("buildDate");
  w.value("");
  w.key("goVersion");
  w.value("");
  w.end_object();
  respond(json_response(http::status::ok, w.take()));
}

void handle_format_query(const Request& request, const Responder& respond) {
  auto params = loki_params(request);
  if (!params.is_ok()) return respond(loki_error(params.status()));
  auto parsed = logql::parse_query(param_or_empty(*params, "query"));
  if (!parsed.is_ok()) return respond(loki_error(parsed.status()));
  JsonWriter w;
  w.begin_object();
  w.key("status");
  w.value("success");
  w.key("data");
  w.value(logql::print_query(*parsed));
  w.end_object();
  respond(json_response(http::status::ok, w.take()));
}

}  // namespace

void add_loki_misc_routes(Router& router, ApiContext&) {
  router.add(http::verb::get, "/loki/api/v1/status/buildinfo",
             [](Request, Responder respond) { handle_buildinfo(respond); });
  for (http::verb verb : {http::verb::get, http::verb::post})
    router.add(verb, "/loki/api/v1/format_query",
               [](Request request, Responder respond) { handle_format_query(request, respond); });
  router.add(http::verb::get, "/loki/api/v1/patterns", [](Request, Responder respond) {
    respond(text_response(http::status::not_found, ""));
  });
}

}  // namespace weft::server::api
