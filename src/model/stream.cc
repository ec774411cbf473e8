#include "model/stream.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

#include "common/hex.h"

namespace weft {

namespace {

void append_sized(std::string& out, std::string_view s) {
  uint32_t n = static_cast<uint32_t>(s.size());
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  out.append(s);
}

}  // namespace

std::string StreamId::hex() const {
  return to_hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

size_t StreamIdHash::operator()(const StreamId& id) const {
  uint64_t v;
  std::memcpy(&v, id.bytes.data() + 8, 8);
  return static_cast<size_t>(v);
}

std::string canonical_stream_bytes(std::string_view tenant, const StreamLabels& labels) {
  std::string out;
  append_sized(out, tenant);
  for (const auto& [key, value] : labels) {
    append_sized(out, key);
    append_sized(out, value);
  }
  return out;
}

StreamId stream_id_of(std::string_view tenant, const StreamLabels& labels) {
  std::string bytes = canonical_stream_bytes(tenant, labels);
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, h);
  StreamId id;
  std::memcpy(id.bytes.data(), c.digest, 16);
  return id;
}

const std::vector<std::string>& StreamIdentity::default_keys() {
  static const std::vector<std::string> keys = {
      "service.name",     "service.namespace",  "deployment.environment",
      "deployment.environment.name", "host.name", "k8s.namespace.name",
      "k8s.pod.name",     "k8s.container.name"};
  return keys;
}

StreamIdentity::StreamIdentity(std::vector<std::string> keys) : keys_(std::move(keys)) {
  std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
}

StreamLabels StreamIdentity::labels_of(const Resource& resource) const {
  StreamLabels labels;
  for (const std::string& key : keys_) {
    const AnyValue* v = find_attribute(resource.attributes, key);
    if (v == nullptr) continue;
    std::string text = any_value_to_text(*v);
    if (!text.empty()) labels.emplace_back(key, std::move(text));
  }
  return labels;
}

}  // namespace weft
