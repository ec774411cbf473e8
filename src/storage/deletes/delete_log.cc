#include "storage/deletes/delete_log.h"

#include <simdjson.h>

#include "common/json_writer.h"
#include "storage/engine/checksummed_file.h"
#include "storage/engine/engine_format.h"

namespace weft::storage {

namespace ef = engine_format;
namespace pf = part_format;

namespace {

void write_request(JsonWriter& w, const DeleteRequest& r) {
  w.begin_object();
  w.key("id"), w.value(r.id);
  w.key("tenant"), w.value(r.tenant);
  w.key("signal"), w.value(pf::signal_name(r.signal));
  w.key("start"), w.value(static_cast<int64_t>(r.start));
  w.key("end"), w.value(static_cast<int64_t>(r.end));
  w.key("query"), w.value(r.query);
  w.key("created_at"), w.value(static_cast<int64_t>(r.created_at));
  w.key("status"), w.value(delete_status_name(r.status));
  w.key("processed_at"), w.value(static_cast<int64_t>(r.processed_at));
  w.key("rows_deleted"), w.value(r.rows_deleted);
  w.end_object();
}

Result<DeleteRequest> read_request(simdjson::dom::object o, const std::filesystem::path& path) {
  auto bad = [&](std::string_view why) {
    return Status::corruption("deletes " + path.string() + ": " + std::string(why));
  };
  std::string_view tenant, signal, query, status;
  DeleteRequestSpec spec;
  uint64_t id = 0, rows = 0;
  int64_t created = 0, processed = 0;
  if (o["id"].get(id) || o["tenant"].get(tenant) || o["signal"].get(signal) ||
      o["start"].get(spec.start) || o["end"].get(spec.end) || o["query"].get(query) ||
      o["created_at"].get(created) || o["status"].get(status) ||
      o["processed_at"].get(processed) || o["rows_deleted"].get(rows))
    return bad("bad request entry");
  if (signal != pf::signal_name(pf::Signal::kLogs) && signal != pf::signal_name(pf::Signal::kSpans))
    return bad("bad signal");
  spec.tenant = std::string(tenant);
  spec.signal = signal == pf::signal_name(pf::Signal::kLogs) ? pf::Signal::kLogs : pf::Signal::kSpans;
  spec.query = std::string(query);
  auto r = make_delete_request(spec, id, created);
  if (!r.is_ok()) return bad(r.status().message());
  r->status = status == delete_status_name(DeleteStatus::kProcessed) ? DeleteStatus::kProcessed
                                                                       : DeleteStatus::kReceived;
  r->processed_at = processed;
  r->rows_deleted = rows;
  return r;
}

}  // namespace

std::string encode_delete_log(const DeleteLog& log) {
  JsonWriter w;
  w.begin_object();
  w.key("format"), w.value(ef::kDeletesFormat);
  w.key("version"), w.value(ef::kDeletesVersion);
  w.key("next_id"), w.value(log.next_id);
  w.key("requests");
  w.begin_array();
  for (const DeleteRequest& r : log.requests) write_request(w, r);
  w.end_array();
  w.end_object();
  return frame_with_checksum(w.take() + '\n');
}

Result<DeleteLog> decode_delete_log(std::string_view text, const std::filesystem::path& path) {
  auto body = unframe_checksum(text, path, "deletes");
  if (!body.is_ok()) return body.status();
  auto bad = [&](std::string_view why) {
    return Status::corruption("deletes " + path.string() + ": " + std::string(why));
  };
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(body->data(), body->size()).get(root)) return bad("not a JSON object");
  std::string_view format;
  uint64_t version = 0;
  if (root["format"].get(format) || format != ef::kDeletesFormat) return bad("not a weft deletes file");
  if (root["version"].get(version) || version != ef::kDeletesVersion)
    return bad("unsupported version " + std::to_string(version));
  DeleteLog log;
  simdjson::dom::array requests;
  if (root["next_id"].get(log.next_id) || root["requests"].get(requests)) return bad("missing fields");
  for (simdjson::dom::element e : requests) {
    simdjson::dom::object o;
    if (e.get(o)) return bad("bad request entry");
    auto r = read_request(o, path);
    if (!r.is_ok()) return r.status();
    log.requests.push_back(std::move(*r));
  }
  return log;
}

Result<DeleteLog> read_delete_log(Fs& fs, const std::filesystem::path& data_dir) {
  std::filesystem::path path = data_dir / ef::kDeletesFile;
  auto text = read_whole_file(fs, path);
  if (!text.is_ok()) {
    if (text.status().code() == StatusCode::kNotFound) return DeleteLog{};
    return text.status();
  }
  return decode_delete_log(*text, path);
}

Status write_delete_log(Fs& fs, const std::filesystem::path& data_dir, const DeleteLog& log) {
  return replace_file_atomically(fs, data_dir, ef::kDeletesFile, ef::kDeletesTempFile,
                                 encode_delete_log(log));
}

}  // namespace weft::storage
