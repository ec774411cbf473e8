#include "storage/engine/manifest.h"

#include <simdjson.h>

#include <optional>

#include "common/json_writer.h"
#include "storage/engine/checksummed_file.h"
#include "storage/engine/engine_format.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

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
  return frame_with_checksum(w.take() + '\n');
}

Result<Manifest> decode_manifest(std::string_view text, const std::filesystem::path& path) {
  Result<std::string_view> unframed = unframe_checksum(text, path, "manifest");
  if (!unframed.is_ok()) return unframed.status();
  std::string_view body = *unframed;

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
  auto text = read_whole_file(fs, path);
  if (!text.is_ok()) {
    if (text.status().code() == StatusCode::kNotFound) return Manifest{};
    return text.status();
  }
  return decode_manifest(*text, path);
}

Status write_manifest(Fs& fs, const std::filesystem::path& data_dir, const Manifest& manifest) {
  return replace_file_atomically(fs, data_dir, ef::kManifestFile, ef::kManifestTempFile,
                                 encode_manifest(manifest));
}

}  // namespace weft::storage
