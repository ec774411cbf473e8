// POST /api/v1/admin/backup (docs/api.md, docs/operations.md): writes a backup of the running
// store into a directory on the server's filesystem while ingest continues. Will require an
// admin role once authentication lands.
#include <simdjson.h>

#include <chrono>

#include "common/json_writer.h"
#include "common/log.h"
#include "server/api/api.h"
#include "server/api/query_support.h"
#include "server/http/responses.h"

namespace weft::server::api {

namespace {

std::string backup_body(const std::string& dir, const storage::BackupStats& s, double seconds) {
  JsonWriter w;
  w.begin_object();
  w.key("dir"), w.value(dir);
  w.key("parts"), w.value(s.parts);
  w.key("files"), w.value(s.files);
  w.key("bytes"), w.value(s.bytes);
  w.key("linked_files"), w.value(s.linked_files);
  w.key("reused_files"), w.value(s.reused_files);
  w.key("seconds"), w.value(seconds);
  w.end_object();
  return w.take();
}

void handle_backup(const ApiContext& context, const Request& request, const Responder& respond) {
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  std::string_view dir;
  const std::string& body = request.message.body();
  if (parser.parse(body.data(), body.size()).get(root) || root["dir"].get(dir) || dir.empty())
    return respond(json_error(http::status::bad_request,
                              "body: expected {\"dir\": \"<directory on the server>\"}", "dir"));
  storage::Store* store = context.store();
  if (!store) return respond(json_error(http::status::service_unavailable, "not ready: replaying the write-ahead log"));
  context.run_query([store, respond, dir = std::string(dir)] {
    auto t0 = std::chrono::steady_clock::now();
    auto stats = store->backup(dir);
    if (!stats.is_ok()) return respond(store_error(stats.status()));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    log::info("backup written", {{"dir", dir}, {"parts", stats->parts}, {"bytes", stats->bytes},
                                 {"seconds", seconds}});
    respond(json_response(http::status::ok, backup_body(dir, *stats, seconds)));
  });
}

}  // namespace

void add_admin_backup_routes(Router& router, ApiContext& context) {
  router.add(http::verb::post, "/api/v1/admin/backup", [&context](Request request, Responder respond) {
    handle_backup(context, request, respond);
  });
}

}  // namespace weft::server::api
