// `weft delete`, `weft backup`, `weft restore` (see admin_commands.h).
#include "app/admin_commands.h"

#include <iostream>

#include "client/http_connection.h"
#include "common/json_writer.h"
#include "common/log.h"
#include "common/time.h"
#include "storage/backup/backup_restore.h"
#include "storage/store.h"

namespace weft::app {

namespace {

int fail(std::string_view what, const Status& s) {
  log::error(what, {{"error", s.message()}});
  return s.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

// Exactly one of --url and --data-dir.
Status check_target(const std::string& url, const std::string& data_dir) {
  if (url.empty() == data_dir.empty()) return Status::invalid("give exactly one of --url and --data-dir");
  return Status::ok();
}

// POSTs a JSON body to a running server's admin API; prints the answer's body.
int post_admin(const std::string& url, std::string_view path, const std::string& tenant,
               std::string body) {
  auto endpoint = client::parse_http_endpoint(url);
  if (!endpoint.is_ok()) return fail("bad --url", endpoint.status());
  client::HttpConnection connection(*endpoint, std::chrono::minutes(30));
  auto response = connection.send(client::prepare_post(*endpoint, path, "application/json", tenant, std::move(body)));
  if (!response.is_ok()) return fail("request failed", response.status());
  std::cout << response->body << "\n";
  if (response->status / 100 == 2) return 0;
  log::error("the server refused the request", {{"status", response->status}});
  return response->status / 100 == 4 ? 2 : 1;
}

// A stopped store, opened with default settings (the WAL is replayed).
Result<std::unique_ptr<storage::Store>> open_offline(const std::string& data_dir) {
  storage::StoreOptions o;
  o.data_dir = data_dir;
  o.maintenance_interval = std::chrono::hours(24);  // this command is short-lived: no merges
  o.retention.retention = std::chrono::seconds(0);  // nor retention with default settings
  return storage::Store::open(o);
}

Result<storage::DeleteRequestSpec> delete_spec(const DeleteCommandOptions& o) {
  storage::DeleteRequestSpec spec;
  spec.tenant = o.tenant;
  spec.query = o.selector;
  auto start = parse_time(o.start);
  if (!start) return Status::invalid("--start: expected an RFC 3339 time or unix nanoseconds");
  spec.start = *start;
  spec.end = now_unix_nanos();
  if (!o.end.empty()) {
    auto end = parse_time(o.end);
    if (!end) return Status::invalid("--end: expected an RFC 3339 time or unix nanoseconds");
    spec.end = *end;
  }
  if (o.signal != "logs" && o.signal != "spans") return Status::invalid("--signal: expected logs or spans");
  spec.signal = o.signal == "logs" ? storage::part_format::Signal::kLogs : storage::part_format::Signal::kSpans;
  return spec;
}

std::string delete_body(const storage::DeleteRequestSpec& spec) {
  JsonWriter w;
  w.begin_object();
  w.key("selector"), w.value(spec.query);
  w.key("start"), w.value(format_rfc3339_nanos(spec.start));
  w.key("end"), w.value(format_rfc3339_nanos(spec.end));
  w.key("signal"), w.value(storage::part_format::signal_name(spec.signal));
  w.end_object();
  return w.take();
}

}  // namespace

int run_delete(const DeleteCommandOptions& o) {
  if (Status s = check_target(o.url, o.data_dir); !s.is_ok()) return fail("bad flags", s);
  auto spec = delete_spec(o);
  if (!spec.is_ok()) return fail("bad flags", spec.status());
  if (!o.url.empty()) return post_admin(o.url, "/api/v1/admin/delete", o.tenant, delete_body(*spec));
  auto store = open_offline(o.data_dir);
  if (!store.is_ok()) return fail("cannot open the store", store.status());
  auto accepted = (*store)->add_delete_request(*spec);
  if (!accepted.is_ok()) return fail("delete request refused", accepted.status());
  std::cout << "delete request " << accepted->id
            << " accepted; its records are hidden now and removed from disk by the next "
               "`weft serve`\n";
  return 0;
}

int run_backup(const BackupCommandOptions& o) {
  if (Status s = check_target(o.url, o.data_dir); !s.is_ok()) return fail("bad flags", s);
  if (o.to.empty()) return fail("bad flags", Status::invalid("--to is required"));
  if (!o.url.empty()) {
    JsonWriter w;
    w.begin_object();
    w.key("dir"), w.value(o.to);
    w.end_object();
    return post_admin(o.url, "/api/v1/admin/backup", "", w.take());
  }
  auto store = open_offline(o.data_dir);
  if (!store.is_ok()) return fail("cannot open the store", store.status());
  auto stats = (*store)->backup(o.to);
  if (!stats.is_ok()) return fail("backup failed", stats.status());
  std::cout << "backup written to " << o.to << ": " << stats->parts << " parts, " << stats->files
            << " files, " << stats->bytes << " bytes (" << stats->reused_files
            << " files already there)\n";
  return 0;
}

int run_restore(const RestoreCommandOptions& o) {
  if (o.from.empty()) return fail("bad flags", Status::invalid("--from is required"));
  if (o.verify_only) {
    auto stats = storage::verify_backup(o.from);
    if (!stats.is_ok()) return fail("backup verification failed", stats.status());
    std::cout << "backup " << o.from << " is intact: " << stats->parts << " parts, " << stats->files
              << " files, " << stats->bytes << " bytes\n";
    return 0;
  }
  if (o.data_dir.empty()) return fail("bad flags", Status::invalid("--data-dir is required"));
  auto stats = storage::restore_backup(o.from, o.data_dir, o.force);
  if (!stats.is_ok()) return fail("restore failed", stats.status());
  std::cout << "restored " << stats->parts << " parts (" << stats->files << " files, "
            << stats->bytes << " bytes) into " << o.data_dir << "\n";
  return 0;
}

}  // namespace weft::app
