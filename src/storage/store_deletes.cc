// Delete by query (see store.h and storage/deletes/delete_request.h).
//
// Accepting: the request is appended to the DELETES file (atomically replaced) and only then
// published in a new view; a crash before the rename leaves the request unaccepted (and
// unacknowledged), after it the store reopens with it.
//
// Processing, on the maintenance thread: flush (so every record acknowledged before the request
// is in a part), then rewrite each part that may hold a covered row with merge_parts() and a
// keep predicate; a rewrite that drops nothing is thrown away, one that drops rows replaces its
// part in one manifest commit (an empty result just removes the part). Finally the requests are
// marked processed in DELETES. A crash anywhere repeats the work at the next pass: unnamed
// rewrites are garbage at open, and a part already rewritten has nothing left to drop.
#include <map>

#include "common/log.h"
#include "storage/engine/engine_format.h"
#include "storage/fs/dirs.h"
#include "storage/part/part_merge.h"
#include "storage/store_impl.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

Counter& deleted_rows() {
  static Counter& c = MetricsRegistry::global().counter(
      "weft_store_deleted_rows_total", "Rows removed from parts by delete requests.");
  return c;
}

}  // namespace

Status Store::Impl::open_deletes() {
  WEFT_RETURN_IF_ERROR(fs->remove_all(options.data_dir / ef::kDeletesTempFile));
  Result<DeleteLog> read = read_delete_log(*fs, options.data_dir);
  if (!read.is_ok()) return read.status();
  std::lock_guard lock(deletes_mu);
  deletes = std::move(*read);
  publish_deletes();
  return Status::ok();
}

void Store::Impl::publish_deletes() {
  auto set = deletes.requests.empty() ? nullptr : std::make_shared<const DeleteSet>(deletes.requests);
  std::lock_guard lock(view_mu);
  auto next_view = std::make_shared<StoreView>(*view);
  next_view->deletes = std::move(set);
  view = std::move(next_view);
}

Result<DeleteRequest> Store::add_delete_request(const DeleteRequestSpec& spec) {
  std::lock_guard lock(impl_->deletes_mu);
  auto request = make_delete_request(spec, impl_->deletes.next_id, now_unix_nanos());
  if (!request.is_ok()) return request.status();
  DeleteLog next = impl_->deletes;
  next.requests.push_back(*request);
  ++next.next_id;
  WEFT_RETURN_IF_ERROR(write_delete_log(*impl_->fs, impl_->options.data_dir, next));
  impl_->deletes = std::move(next);
  impl_->publish_deletes();
  log::info("delete request accepted", {{"id", request->id}, {"tenant", request->tenant},
                                        {"query", request->query}});
  return request;
}

std::vector<DeleteRequest> Store::delete_requests() const {
  std::lock_guard lock(impl_->deletes_mu);
  return impl_->deletes.requests;
}

// REQUIRES: maintain_mu held (no merge or retention changes the parts meanwhile).
Status Store::Impl::process_deletes() {
  std::vector<DeleteRequest> pending;
  {
    std::lock_guard lock(deletes_mu);
    for (const DeleteRequest& r : deletes.requests)
      if (r.status == DeleteStatus::kReceived) pending.push_back(r);
  }
  if (pending.empty()) return Status::ok();
  {
    std::lock_guard lock(flush_mu);
    if (closed) return Status::ok();
    WEFT_RETURN_IF_ERROR(flush_now());
  }
  std::shared_ptr<const StoreView> current;
  {
    std::lock_guard lock(view_mu);
    current = view;
  }
  DeleteSet pending_set(pending);
  for (const LivePart& part : current->parts) {
    const ManifestPart& e = part.entry;
    bool affected = false;
    for (const DeleteRequest& r : pending) affected |= r.may_cover(e.tenant, e.signal, e.min_time, e.max_time);
    if (!affected) continue;
    auto rows = rewrite_without_deleted(part, pending_set);
    if (!rows.is_ok()) return rows.status();
  }
  std::lock_guard lock(deletes_mu);
  DeleteLog next = deletes;
  for (DeleteRequest& r : next.requests) {
    for (const DeleteRequest& p : pending) {
      if (p.id != r.id) continue;
      r.status = DeleteStatus::kProcessed;
      r.processed_at = now_unix_nanos();
    }
  }
  WEFT_RETURN_IF_ERROR(write_delete_log(*fs, options.data_dir, next));
  deletes = std::move(next);
  publish_deletes();
  log::info("delete requests processed", {{"requests", pending.size()}});
  return Status::ok();
}

// Rewrites `part` without the rows `set` covers; returns the rows dropped (0: the part is kept
// as it is). REQUIRES: maintain_mu held.
Result<uint64_t> Store::Impl::rewrite_without_deleted(const LivePart& part, const DeleteSet& set) {
  const ManifestPart& e = part.entry;
  std::map<uint64_t, uint64_t> per_request;
  MergeOptions merge_options;
  merge_options.writer.fs = fs;
  merge_options.keep_log = [&](const StreamId&, const LogRecord& r) {
    const DeleteRequest* d = set.covering(e.tenant, r);
    if (d) ++per_request[d->id];
    return d == nullptr;
  };
  merge_options.keep_span = [&](const StreamId&, const Span& s) {
    const DeleteRequest* d = set.covering(e.tenant, s);
    if (d) ++per_request[d->id];
    return d == nullptr;
  };
  std::string dir = ef::part_dir(e.tenant, e.day, e.signal, next_part_id.fetch_add(1));
  std::filesystem::path path = options.data_dir / dir;
  WEFT_RETURN_IF_ERROR(ensure_dirs(*fs, options.data_dir, path.parent_path()));
  std::shared_ptr<const PartReader> inputs[] = {part.reader};
  auto merged = merge_parts(inputs, path, merge_options);
  if (!merged.is_ok() || merged->rows_dropped == 0) {
    fs->remove_all(path);
    return merged.is_ok() ? Result<uint64_t>(uint64_t{0}) : Result<uint64_t>(merged.status());
  }
  Change change;
  change.removed.push_back(e.dir);
  const PartMeta& meta = merged->meta;
  if (meta.rows > 0) {
    auto reader = PartReader::open(path, fs);
    if (!reader.is_ok()) {
      fs->remove_all(path);
      return reader.status();
    }
    change.added.push_back({{dir, e.tenant, e.day, e.signal, meta.rows, meta.total_bytes(),
                             meta.min_time, meta.max_time},
                            std::move(*reader)});
  }
  Status committed = commit(change);
  if (meta.rows == 0 || !committed.is_ok()) fs->remove_all(path);
  if (!committed.is_ok()) return committed;
  {
    std::lock_guard lock(deletes_mu);
    for (DeleteRequest& r : deletes.requests) r.rows_deleted += per_request[r.id];
  }
  deleted_rows().add(merged->rows_dropped);
  log::info("part rewritten without deleted rows",
            {{"dir", e.dir}, {"rows_dropped", merged->rows_dropped}, {"rows_left", meta.rows}});
  return merged->rows_dropped;
}

}  // namespace weft::storage
