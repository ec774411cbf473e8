// Committing a change to the set of live parts: the manifest first, then the view.
#include <algorithm>
#include <set>

#include "common/log.h"
#include "storage/store_impl.h"

namespace weft::storage {

Status Store::Impl::commit(const Change& change) {
  std::lock_guard lock(manifest_mu);
  std::set<std::string> removed(change.removed.begin(), change.removed.end());
  Manifest next = manifest;
  size_t before = next.parts.size();
  std::erase_if(next.parts, [&](const ManifestPart& p) { return removed.count(p.dir) > 0; });
  if (before - next.parts.size() != removed.size())
    return Status::internal("a part of the change is no longer live");
  for (const LivePart& p : change.added) next.parts.push_back(p.entry);
  if (change.wal_replay_from) next.wal_replay_from = *change.wal_replay_from;
  next.next_part_id = std::max(next.next_part_id, next_part_id.load());
  ++next.generation;
  WEFT_RETURN_IF_ERROR(write_manifest(*fs, options.data_dir, next));
  manifest = std::move(next);
  {
    std::lock_guard view_lock(view_mu);
    auto next_view = std::make_shared<StoreView>(*view);
    if (change.flushed) std::erase(next_view->memtables, change.flushed);
    std::erase_if(next_view->parts, [&](const LivePart& p) { return removed.count(p.entry.dir) > 0; });
    next_view->parts.insert(next_view->parts.end(), change.added.begin(), change.added.end());
    view = std::move(next_view);
  }
  for (const std::string& dir : change.removed) {
    Status s = fs->remove_all(options.data_dir / dir);
    if (!s.is_ok()) log::warn("removing a replaced part failed", {{"dir", dir}, {"error", s.message()}});
  }
  return Status::ok();
}

std::vector<ManifestPart> Store::Impl::live_parts() const {
  std::lock_guard lock(manifest_mu);
  return manifest.parts;
}

}  // namespace weft::storage
