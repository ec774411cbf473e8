#include "query/logql/store_view_log_source.h"

#include <cstring>

#include <xxhash.h>
#include <unordered_map>

#include "query/logql/labels.h"
#include "query/logql/line_filter.h"
#include "query/logql/record_labels.h"
#include "storage/engine/view_reads.h"

namespace weft::logql {

namespace {

// What a scan knows about one Resource object.
struct ResourceEntry {
  std::shared_ptr<Stream> stream;
  std::vector<Label> metadata;
  bool selected = false;
};

// A hash of a resource's attributes, without allocating.
uint64_t fingerprint(const Resource& resource) {
  uint64_t h = 0x51ed270b27aeb2d1ull;
  for (const KeyValue& kv : resource.attributes) {
    h = XXH3_64bits_withSeed(kv.key.data(), kv.key.size(), h);
    const AnyValue& v = kv.value;
    uint64_t kind = static_cast<uint64_t>(v.kind());
    h = XXH3_64bits_withSeed(&kind, sizeof kind, h);
    if (const std::string* str = v.as_string()) {
      h = XXH3_64bits_withSeed(str->data(), str->size(), h);
    } else if (v.kind() == AnyValue::Kind::kInt) {
      h = XXH3_64bits_withSeed(&std::get<int64_t>(v.v), sizeof(int64_t), h);
    } else if (v.kind() == AnyValue::Kind::kBool) {
      uint64_t b = std::get<bool>(v.v);
      h = XXH3_64bits_withSeed(&b, sizeof b, h);
    } else if (v.kind() == AnyValue::Kind::kDouble) {
      h = XXH3_64bits_withSeed(&std::get<double>(v.v), sizeof(double), h);
    }
  }
  return h;
}

// Stream labels and selection per distinct resource content. Records decoded from different
// requests carry different Resource objects with equal attributes, so entries are found by
// content (a fingerprint, then equality), with a one-entry fast path for runs of records of
// the same Resource object.
class ResourceCache {
 public:
  explicit ResourceCache(const std::vector<LabelMatcher>& matchers) : matchers_(matchers) {}

  const ResourceEntry& get(const ResourcePtr& ptr) {
    static const ResourcePtr kEmpty = std::make_shared<const Resource>();
    const ResourcePtr& held = ptr ? ptr : kEmpty;
    const Resource* resource = held.get();
    if (resource == last_key_.get() && last_) return *last_;
    auto& bucket = by_content_[fingerprint(*resource)];
    const ResourceEntry* found = nullptr;
    for (const auto& [sample, entry] : bucket)
      if (sample.get() == resource || *sample == *resource) found = entry.get();
    if (!found) {
      bucket.emplace_back(held, std::make_unique<ResourceEntry>(make(*resource)));
      found = bucket.back().second.get();
    }
    last_key_ = held;
    last_ = found;
    return *found;
  }

 private:
  ResourceEntry make(const Resource& resource) {
    ResourceLabels labels = resource_labels(resource);
    ResourceEntry e;
    e.selected = all_match(matchers_, labels.stream);
    uint64_t hash = labels.stream.hash();
    auto& shared = by_hash_[hash];
    if (!shared || shared->labels != labels.stream) {
      shared = std::make_shared<Stream>();
      shared->labels = std::move(labels.stream);
      shared->hash = hash;
    }
    e.stream = shared;
    e.metadata = std::move(labels.metadata);
    return e;
  }

  const std::vector<LabelMatcher>& matchers_;
  // fingerprint -> (a resource with that content, its entry); `keep` holds each sample
  // resource alive (records read from parts live only as long as their block).
  std::unordered_map<uint64_t, std::vector<std::pair<ResourcePtr, std::unique_ptr<ResourceEntry>>>> by_content_;
  std::unordered_map<uint64_t, std::shared_ptr<Stream>> by_hash_;
  ResourcePtr last_key_;
  const ResourceEntry* last_ = nullptr;
};

class MemRow final : public LogRow {
 public:
  const LogRecord* record = nullptr;
  const ResourceEntry* resource = nullptr;
  std::string scratch;

  void structured_metadata(std::vector<Label>& out) const override {
    out.insert(out.end(), resource->metadata.begin(), resource->metadata.end());
    append_record_metadata(*record, out);
    out.push_back({"detected_level", std::string(detected_level(*record, line))});
  }
};

// Whether the rows of a part stream (known by its identity labels: model/stream.h) may be
// selected by `matchers`. A matcher decides only on a label named after an identity key the
// stream has (service.name -> service_name): a row's LogQL stream labels hold that value too.
// Any other label may come from resource attributes the part's stream labels do not carry, so
// it keeps the stream (the rows are still matched exactly when read).
bool part_stream_may_match(const std::vector<LabelMatcher>& matchers, const StreamLabels& labels) {
  for (const auto& [key, value] : labels) {
    std::string name = sanitize_label_name(key);
    for (const LabelMatcher& m : matchers)
      if (m.name() == name && !m.matches(value)) return false;
  }
  return true;
}

storage::ScanOptions scan_options(UnixNanos start, UnixNanos end, const std::vector<LabelMatcher>& matchers) {
  storage::ScanOptions options;
  options.start = start;
  options.end = end - 1;
  if (!matchers.empty())
    options.stream_filter = [&matchers](const StreamLabels& labels) {
      return part_stream_may_match(matchers, labels);
    };
  return options;
}

bool contains_all(std::string_view line, const std::vector<std::string>& needles) {
  for (const auto& n : needles)
    if (!contains_bytes(line, n)) return false;
  return true;
}

}  // namespace

Status StoreViewLogSource::scan(const ScanRequest& request, QueryControl& control,
                               const std::function<bool(const LogRow&)>& visit) const {
  if (request.start >= request.end) return Status::ok();
  ResourceCache cache(request.matchers);
  MemRow row;
  Status status;
  storage::ScanOptions options = scan_options(request.start, request.end, request.matchers);
  options.dynamic_start = request.floor;
  Status scanned = storage::scan_logs(
      view_, request.tenant, options,
      [&](const LogRecord& r) {
        status = control.check();
        if (!status.is_ok()) return false;
        UnixNanos t = r.effective_time();
        if ((request.floor && t < *request.floor) || (request.ceiling && t > *request.ceiling))
          return true;
        const ResourceEntry& entry = cache.get(r.resource);
        if (!entry.selected) return true;
        row.time = t;
        row.line = record_line(r, row.scratch);
        if (request.stats) {
          request.stats->rows++;
          request.stats->bytes += row.line.size();
        }
        if (!contains_all(row.line, request.line_contains)) return true;
        row.record = &r;
        row.resource = &entry;
        row.stream = entry.stream.get();
        return visit(row);
      });
  return status.is_ok() ? scanned : status;
}

Status StoreViewLogSource::streams(const std::string& tenant, UnixNanos start, UnixNanos end,
                                  const std::vector<LabelMatcher>& matchers, QueryControl& control,
                                  const std::function<void(const Stream&, const StreamStats&)>& visit) const {
  if (start >= end) return Status::ok();
  ResourceCache cache(matchers);
  std::unordered_map<const Stream*, StreamStats> stats;
  std::vector<std::shared_ptr<Stream>> order;
  std::string scratch;
  Status status;
  storage::ScanOptions options = scan_options(start, end, matchers);
  Status scanned = storage::scan_logs(view_, tenant, options, [&](const LogRecord& r) {
    status = control.check();
    if (!status.is_ok()) return false;
    const ResourceEntry& entry = cache.get(r.resource);
    if (!entry.selected) return true;
    auto [it, added] = stats.try_emplace(entry.stream.get());
    if (added) order.push_back(entry.stream);
    it->second.entries++;
    it->second.bytes += record_line(r, scratch).size();
    return true;
  });
  if (!status.is_ok()) return status;
  if (!scanned.is_ok()) return scanned;
  for (const auto& s : order) visit(*s, stats[s.get()]);
  return Status::ok();
}

}  // namespace weft::logql
