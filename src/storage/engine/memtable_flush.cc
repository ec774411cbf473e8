#include "storage/engine/memtable_flush.h"

#include <map>

#include "storage/engine/engine_format.h"
#include "storage/fs/dirs.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

UnixNanos sort_time(const LogRecord* r) { return r->effective_time(); }
UnixNanos sort_time(const Span* s) { return s->start_time_unix_nano; }

Result<PartMeta> write_part(const std::filesystem::path& dir, std::string_view tenant,
                            const std::vector<const LogRecord*>& rows, const FlushTarget& t) {
  return write_log_part(dir, tenant, rows, *t.identity, t.writer);
}
Result<PartMeta> write_part(const std::filesystem::path& dir, std::string_view tenant,
                            const std::vector<const Span*>& rows, const FlushTarget& t) {
  return write_span_part(dir, tenant, rows, *t.identity, t.writer);
}

// Writes one part per day of `rows`, appending their entries to *out.
template <typename Row>
Status flush_rows(const std::string& tenant, part_format::Signal signal,
                  const std::vector<const Row*>& rows, const FlushTarget& target,
                  std::atomic<uint64_t>* next_part_id, std::vector<ManifestPart>* out) {
  std::map<int32_t, std::vector<const Row*>> by_day;
  for (const Row* row : rows) by_day[ef::day_of(sort_time(row))].push_back(row);
  for (const auto& [day, day_rows] : by_day) {
    std::string dir = ef::part_dir(tenant, day, signal, next_part_id->fetch_add(1));
    std::filesystem::path path = target.data_dir / dir;
    WEFT_RETURN_IF_ERROR(ensure_dirs(*target.fs, target.data_dir, path.parent_path()));
    Result<PartMeta> meta = write_part(path, tenant, day_rows, target);
    if (!meta.is_ok()) return meta.status();
    out->push_back({dir, tenant, day, signal, meta->rows, meta->total_bytes(), meta->min_time,
                    meta->max_time});
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<ManifestPart>> flush_memtable(const MemStore& memtable, const FlushTarget& target,
                                                 std::atomic<uint64_t>* next_part_id) {
  std::vector<ManifestPart> written;
  Status s;
  for (const std::string& tenant : memtable.tenants()) {
    s = flush_rows(tenant, part_format::Signal::kLogs, memtable.log_pointers(tenant), target,
                   next_part_id, &written);
    if (s.is_ok())
      s = flush_rows(tenant, part_format::Signal::kSpans, memtable.span_pointers(tenant), target,
                     next_part_id, &written);
    if (!s.is_ok()) break;
  }
  if (s.is_ok()) return written;
  for (const ManifestPart& p : written) target.fs->remove_all(target.data_dir / p.dir);
  return s;
}

}  // namespace weft::storage
