#include "ingest/elastic/elastic_http.h"

#include <array>
#include <cstdint>

#include "common/base64.h"
#include "common/json_writer.h"
#include "ingest/http/media_type.h"

namespace weft::ingest::elastic {

namespace {

constexpr std::string_view kVendorJson = "application/vnd.elasticsearch+json";
constexpr std::string_view kCompatibleWith = "compatible-with=";

// The N of "compatible-with=N" in a header value; "" when absent or not a number.
std::string_view compatible_with(std::string_view value) {
  for (size_t pos = 0; pos + kCompatibleWith.size() <= value.size(); ++pos) {
    if (!equals_ignore_case(value.substr(pos, kCompatibleWith.size()), kCompatibleWith)) continue;
    size_t start = pos + kCompatibleWith.size(), end = start;
    while (end < value.size() && value[end] >= '0' && value[end] <= '9' && end - start < 3) ++end;
    return value.substr(start, end - start);
  }
  return {};
}

// FNV-1a over `text` from `seed`: a stable (not secret) digest.
uint64_t fnv1a(std::string_view text, uint64_t seed) {
  uint64_t h = seed;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

// 22 URL-safe base64 characters, like an Elasticsearch cluster uuid.
std::string cluster_uuid(std::string_view node_name) {
  std::array<char, 16> raw{};
  uint64_t halves[2] = {fnv1a(node_name, 0xcbf29ce484222325ull),
                        fnv1a(node_name, 0x84222325cbf29ce4ull)};
  for (int i = 0; i < 16; ++i) raw[i] = static_cast<char>(halves[i / 8] >> (8 * (i % 8)));
  std::string id = base64_encode(std::string_view(raw.data(), raw.size()));
  id.resize(22);  // drop the "==" padding
  for (char& c : id) c = c == '+' ? '-' : (c == '/' ? '_' : c);
  return id;
}

void write_version(JsonWriter& w) {
  w.begin_object();
  w.key("number");
  w.value(kAnnouncedVersion);
  w.key("build_flavor");
  w.value("default");
  w.key("build_type");
  w.value("weft");
  w.key("build_snapshot");
  w.value(false);
  w.key("minimum_wire_compatibility_version");
  w.value("7.17.0");
  w.key("minimum_index_compatibility_version");
  w.value("7.0.0");
  w.end_object();
}

}  // namespace

std::string elastic_content_type(std::string_view accept) {
  std::string_view version = compatible_with(accept);
  if (version.empty() || !contains_ignore_case(accept, kVendorJson))
    return "application/json";
  return std::string(kVendorJson) + ";compatible-with=" + std::string(version);
}

bool is_bulk_content_type(std::string_view content_type) {
  std::string_view type = media_type(content_type);
  return type.empty() || equals_ignore_case(type, "application/x-ndjson") ||
         equals_ignore_case(type, "application/json") ||
         equals_ignore_case(type, "application/vnd.elasticsearch+x-ndjson") ||
         equals_ignore_case(type, kVendorJson);
}

bool is_elastic_client_request(std::string_view accept, bool has_client_meta) {
  return has_client_meta || contains_ignore_case(accept, kVendorJson) ||
         !contains_ignore_case(accept, "text/html");
}

std::string elastic_root_document(std::string_view node_name) {
  JsonWriter w;
  w.begin_object();
  w.key("name");
  w.value(node_name);
  w.key("cluster_name");
  w.value("weft");
  w.key("cluster_uuid");
  w.value(cluster_uuid(node_name));
  w.key("version");
  write_version(w);
  w.end_object();
  return w.take();
}

}  // namespace weft::ingest::elastic
