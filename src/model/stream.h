// Streams: the identity of a source of records.
//
// A stream is a tenant plus a small, configurable set of resource attributes (the stream keys;
// by default service.name, service.namespace, deployment.environment,
// deployment.environment.name, host.name, k8s.namespace.name, k8s.pod.name,
// k8s.container.name). Records of one stream are stored together, sorted by time; every other
// field is an ordinary column with no cardinality limit.
//
// StreamLabels are the stream keys a resource has, sorted by key: the value of the first
// attribute with that key, as text (any_value_to_text); an absent attribute or an empty text is
// no label. A StreamId is XXH3-128 of the canonical encoding of the tenant and the labels
// (docs/format/part.md, "Stream identity"):
//
//   le32(len(tenant)) tenant  { le32(len(key)) key le32(len(value)) value }*   (keys sorted)
//
// stored as the 16 bytes of XXH128_canonical_t (high half first, big-endian), so comparing
// ids byte-wise orders them as the pair (high64, low64).
//
// Thread safety: StreamIdentity is immutable after construction; share it freely.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/resource.h"

namespace weft {

struct StreamId {
  std::array<uint8_t, 16> bytes{};

  std::string hex() const;
  auto operator<=>(const StreamId&) const = default;
  bool operator==(const StreamId&) const = default;
};

struct StreamIdHash {
  size_t operator()(const StreamId& id) const;
};

// Sorted by key, keys unique.
using StreamLabels = std::vector<std::pair<std::string, std::string>>;

// The canonical encoding hashed into a StreamId (exposed for tests and the format spec).
std::string canonical_stream_bytes(std::string_view tenant, const StreamLabels& labels);
StreamId stream_id_of(std::string_view tenant, const StreamLabels& labels);

class StreamIdentity {
 public:
  // The default stream keys, in the order listed above.
  static const std::vector<std::string>& default_keys();

  // Duplicate keys are ignored; an empty list makes one stream per tenant.
  explicit StreamIdentity(std::vector<std::string> keys = default_keys());

  const std::vector<std::string>& keys() const { return keys_; }  // sorted, unique

  StreamLabels labels_of(const Resource& resource) const;
  StreamId id_of(std::string_view tenant, const Resource& resource) const {
    return stream_id_of(tenant, labels_of(resource));
  }

 private:
  std::vector<std::string> keys_;
};

}  // namespace weft
