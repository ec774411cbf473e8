#include "query/logql/memstore_log_source.h"

#include <cstring>
#include <unordered_map>

#include "query/logql/record_labels.h"

namespace weft::logql {

namespace {

// What a scan knows about one Resource object.
struct ResourceEntry {
  std::shared_ptr<Stream> stream;
  std::vector<Label> metadata;
  bool selected = false;
};

// Stream labels and selection per Resource, with a one-entry fast path for runs of records
// of the same batch.
class ResourceCache {
 public:
  explicit ResourceCache(const std::vector<LabelMatcher>& matchers) : matchers_(matchers) {}

  const ResourceEntry& get(const Resource* resource) {
    if (resource == last_key_ && last_) return *last_;
    auto it = entries_.find(resource);
    if (it == entries_.end()) it = entries_.emplace(resource, make(resource)).first;
    last_key_ = resource;
    last_ = &it->second;
    return it->second;
  }

 private:
  ResourceEntry make(const Resource* resource) {
    static const Resource kEmpty;
    ResourceLabels labels = resource_labels(resource ? *resource : kEmpty);
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
  std::unordered_map<const Resource*, ResourceEntry> entries_;
  std::unordered_map<uint64_t, std::shared_ptr<Stream>> by_hash_;
  const Resource* last_key_ = nullptr;
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

bool contains_all(std::string_view line, const std::vector<std::string>& needles) {
  for (const auto& n : needles)
    if (memmem(line.data(), line.size(), n.data(), n.size()) == nullptr) return false;
  return true;
}

}  // namespace

Status MemStoreLogSource::scan(const ScanRequest& request, QueryControl& control,
                               const std::function<bool(const LogRow&)>& visit) const {
  if (request.start >= request.end) return Status::ok();
  ResourceCache cache(request.matchers);
  MemRow row;
  Status status;
  store_.scan_logs(
      request.tenant, request.start, request.end - 1,
      [&](const LogRecord& r) {
        status = control.check();
        if (!status.is_ok()) return false;
        UnixNanos t = r.effective_time();
        if ((request.floor && t < *request.floor) || (request.ceiling && t > *request.ceiling))
          return true;
        const ResourceEntry& entry = cache.get(r.resource.get());
        if (!entry.selected) return true;
        row.time = t;
        row.line = record_line(r, row.scratch);
        if (!contains_all(row.line, request.line_contains)) return true;
        row.record = &r;
        row.resource = &entry;
        row.stream = entry.stream.get();
        return visit(row);
      },
      request.floor);
  return status;
}

Status MemStoreLogSource::streams(const std::string& tenant, UnixNanos start, UnixNanos end,
                                  const std::vector<LabelMatcher>& matchers, QueryControl& control,
                                  const std::function<void(const Stream&, const StreamStats&)>& visit) const {
  if (start >= end) return Status::ok();
  ResourceCache cache(matchers);
  std::unordered_map<const Stream*, StreamStats> stats;
  std::vector<std::shared_ptr<Stream>> order;
  std::string scratch;
  Status status;
  store_.scan_logs(tenant, start, end - 1, [&](const LogRecord& r) {
    status = control.check();
    if (!status.is_ok()) return false;
    const ResourceEntry& entry = cache.get(r.resource.get());
    if (!entry.selected) return true;
    auto [it, added] = stats.try_emplace(entry.stream.get());
    if (added) order.push_back(entry.stream);
    it->second.entries++;
    it->second.bytes += record_line(r, scratch).size();
    return true;
  });
  if (!status.is_ok()) return status;
  for (const auto& s : order) visit(*s, stats[s.get()]);
  return Status::ok();
}

}  // namespace weft::logql
