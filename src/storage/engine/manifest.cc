#include "storage/engine/manifest.h"

#include <simdjson.h>

#include <cinttypes>
#include <cstdio>
#include <optional>

#include "common/json_writer.h"
#include "storage/engine/engine_format.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

std::optional<part_format::Signal> signal_named(std::string_view name) {
  for (auto s : {part_format::Signal::kLogs, part_format::Signal::kSpans})
    if (part_format::signal_name(s) == name) return s;
  return std::nullopt;
}

void write_part(JsonWriter& w, const ManifestPart& p) {
  w.begin_object();
  w.key("dir"), w.value(p.dir);
  w.key("tenant"), w.value(p.tenant);
  w.key("day"), w.value(static_cast<int64_t>(p.day));
  w.key("signal"), w.value(part_format::signal_name(p.signal));
  w.key("rows"), w.value(p.rows);
  w.key("bytes"), w.value(p.bytes);
  w.key("min_time"), w.value(static_cast<int64_t>(p.min_time));
  w.key("max_time"), w.value(static_cast<int64_t>(p.max_time));
  w.end_object();
}

Status corrupt(const std::filesystem::path& path, std::string_view why) {
  return Status::corruption("manifest " + path.string() + ": " + std::string(why));
}

// Reads one part entry; false when a field is missing or of the wrong type.
bool read_part(simdjson::dom::object o, ManifestPart* p) {
  std::string_view dir, tenant, signal;
  int64_t day = 0, min_time = 0, max_time = 0;
  uint64_t rows = 0, bytes = 0;
  if (o["dir"].get(dir) || o["tenant"].get(tenant) || o["day"].get(day) ||
      o["signal"].get(signal) || o["rows"].get(rows) || o["bytes"].get(bytes) ||
      o["min_time"].get(min_time) || o["max_time"].get(max_time))
    return false;
  auto parsed_signal = signal_named(signal);
  if (!parsed_signal) return false;
  *p = {std::string(dir), std::string(tenant), static_cast<int32_t>(day), *parsed_signal,
        rows, bytes, min_time, max_time};
  return true;
}

}  // namespace

std::string encode_manifest(const Manifest& m) {
  JsonWriter w;
  w.begin_object();
  w.key("format"), w.value(ef::kManifestFormat);
  w.key("version"), w.value(ef::kManifestVersion);
  w.key("generation"), w.value(m.generation);
  w.key("wal_replay_from"), w.value(m.wal_replay_from);
  w.key("next_part_id"), w.value(m.next_part_id);
  w.key("parts");
  w.begin_array();
  for (const ManifestPart& p : m.parts) write_part(w, p);
  w.end_array();
  w.end_object();
  std::string text = w.take();
  text += '\n';
  std::string sum = hex64(part_format::checksum64(text));
  text += ef::kChecksumPrefix;
  text += sum;
  text += '\n';
  return text;
}

Result<Manifest> decode_manifest(std::string_view text, const std::filesystem::path& path) {
  size_t at = text.rfind(ef::kChecksumPrefix);
  if (at == std::string_view::npos || text.empty() || text.back() != '\n')
    return corrupt(path, "no checksum line");
  std::string_view body = text.substr(0, at);
  std::string_view sum = text.substr(at + ef::kChecksumPrefix.size());
  sum.remove_suffix(1);
  if (sum != hex64(part_format::checksum64(body))) return corrupt(path, "checksum mismatch");

  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(body.data(), body.size()).get(root)) return corrupt(path, "not a JSON object");
  std::string_view format;
  uint64_t version = 0;
  if (root["format"].get(format) || format != ef::kManifestFormat)
    return corrupt(path, "not a weft manifest");
  if (root["version"].get(version) || version != ef::kManifestVersion)
    return corrupt(path, "unsupported version " + std::to_string(version));
  Manifest m;
  simdjson::dom::array parts;
  if (root["generation"].get(m.generation) || root["wal_replay_from"].get(m.wal_replay_from) ||
      root["next_part_id"].get(m.next_part_id) || root["parts"].get(parts))
    return corrupt(path, "missing fields");
  for (simdjson::dom::element e : parts) {
    simdjson::dom::object o;
    ManifestPart p;
    if (e.get(o) || !read_part(o, &p)) return corrupt(path, "bad part entry");
    m.parts.push_back(std::move(p));
  }
  return m;
}

Result<Manifest> read_manifest(Fs& fs, const std::filesystem::path& data_dir) {
  std::filesystem::path path = data_dir / ef::kManifestFile;
  auto file = fs.open(path);
  if (!file.is_ok()) {
    if (file.status().code() == StatusCode::kNotFound) return Manifest{};
    return file.status();
  }
  auto text = (*file)->read(0, (*file)->size());
  if (!text.is_ok()) return text.status();
  return decode_manifest(*text, path);
}

Status write_manifest(Fs& fs, const std::filesystem::path& data_dir, const Manifest& manifest) {
  std::filesystem::path tmp = data_dir / ef::kManifestTempFile;
  WEFT_RETURN_IF_ERROR(fs.remove_all(tmp));
  auto file = fs.create(tmp);
  if (!file.is_ok()) return file.status();
  WEFT_RETURN_IF_ERROR((*file)->append(encode_manifest(manifest)));
  WEFT_RETURN_IF_ERROR((*file)->sync());
  file->reset();
  WEFT_RETURN_IF_ERROR(fs.rename(tmp, data_dir / ef::kManifestFile));
  return fs.sync_dir(data_dir);
}

}  // namespace weft::storage
