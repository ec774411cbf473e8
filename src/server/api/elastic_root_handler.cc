// GET / and HEAD /: the version document Elasticsearch clients read first (client.info(),
// client.ping(), a shipper's version check), answered only to requests that look like an
// Elasticsearch client (ingest/elastic/elastic_http.h, is_elastic_client_request): "/" is also
// where browsers find the web UI: anything else gets `otherwise` (the UI's page).
#include <unistd.h>

#include <climits>
#include <string>

#include "ingest/elastic/elastic_http.h"
#include "server/api/api.h"
#include "server/api/elastic_responses.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

namespace elastic = ingest::elastic;

constexpr std::string_view kClientMetaHeader = "X-Elastic-Client-Meta";

std::string host_name() {
  char name[HOST_NAME_MAX + 1] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "weft";
  return name;
}

void handle_root(Request request, const std::string& document, const RouteHandler& otherwise,
                 Responder respond) {
  const HttpRequest& message = request.message;
  std::string_view accept = message[http::field::accept];
  bool has_client_meta = message.find(kClientMetaHeader) != message.end();
  if (!elastic::is_elastic_client_request(accept, has_client_meta))
    return otherwise(std::move(request), std::move(respond));
  bool head = message.method() == http::verb::head;
  respond(elastic_response(http::status::ok, accept, head ? std::string() : document));
}

}  // namespace

void add_elastic_root_routes(Router& router, ApiContext& /*context*/, RouteHandler otherwise) {
  auto document = std::make_shared<const std::string>(elastic::elastic_root_document(host_name()));
  for (http::verb method : {http::verb::get, http::verb::head})
    router.add(method, "/", [document, otherwise](Request request, Responder respond) {
      handle_root(std::move(request), *document, otherwise, std::move(respond));
    });
}

}  // namespace weft::server::api
