// write_log_part() and write_span_part(): records in any order -> one part.
#include <algorithm>
#include <unordered_map>

#include "storage/part/log_columns.h"
#include "storage/part/part_writer.h"
#include "storage/part/span_columns.h"

namespace weft::storage {

namespace {

struct StreamOf {
  StreamId id;
  const StreamLabels* labels;
};

// The stream of every row (computed once per distinct resource object).
template <typename Row>
std::vector<StreamOf> streams_of(std::string_view tenant, std::span<const Row* const> rows, const StreamIdentity& identity,
                                 std::unordered_map<const Resource*, std::pair<StreamId, StreamLabels>>& cache) {
  static const Resource kNoResource;
  std::vector<StreamOf> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Resource* r = rows[i]->resource ? rows[i]->resource.get() : &kNoResource;
    auto [it, added] = cache.try_emplace(r);
    if (added) {
      it->second.second = identity.labels_of(*r);
      it->second.first = stream_id_of(tenant, it->second.second);
    }
    out[i] = {it->second.first, &it->second.second};
  }
  return out;
}

template <typename Row, typename Append>
Result<PartMeta> write_records(const std::filesystem::path& dir, part_format::Signal signal, std::string_view tenant,
                               std::span<const Row* const> rows, const StreamIdentity& identity,
                               const PartWriterOptions& options, Append append) {
  std::unordered_map<const Resource*, std::pair<StreamId, StreamLabels>> cache;
  std::vector<StreamOf> streams = streams_of(tenant, rows, identity, cache);
  std::vector<uint32_t> order(rows.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (streams[a].id != streams[b].id) return streams[a].id < streams[b].id;
    return sort_time(*rows[a]) < sort_time(*rows[b]);
  });
  auto writer = PartWriter::create(dir, signal, std::string(tenant), options);
  if (!writer.is_ok()) return writer.status();
  std::vector<const Row*> run;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    run.clear();
    while (j < order.size() && streams[order[j]].id == streams[order[i]].id) run.push_back(rows[order[j++]]);
    WEFT_RETURN_IF_ERROR(append(**writer, streams[order[i]].id, *streams[order[i]].labels, run));
    i = j;
  }
  return (*writer)->finish();
}

}  // namespace

Result<PartMeta> write_log_part(const std::filesystem::path& dir, std::string_view tenant,
                                std::span<const LogRecord* const> records, const StreamIdentity& identity,
                                const PartWriterOptions& options) {
  return write_records(dir, part_format::Signal::kLogs, tenant, records, identity, options,
                       [](PartWriter& w, const StreamId& id, const StreamLabels& labels, std::span<const LogRecord* const> rows) {
                         return w.append_logs(id, labels, rows);
                       });
}

Result<PartMeta> write_span_part(const std::filesystem::path& dir, std::string_view tenant,
                                 std::span<const Span* const> spans, const StreamIdentity& identity,
                                 const PartWriterOptions& options) {
  return write_records(dir, part_format::Signal::kSpans, tenant, spans, identity, options,
                       [](PartWriter& w, const StreamId& id, const StreamLabels& labels, std::span<const Span* const> rows) {
                         return w.append_spans(id, labels, rows);
                       });
}

}  // namespace weft::storage
