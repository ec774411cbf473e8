// Background maintenance: merges and retention (see store.h). Runs on its own thread at a lower
// CPU priority than ingest; a merge killed at any point loses and duplicates nothing (its
// output is unnamed until the manifest names it, and removed at open otherwise).
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>

#include "common/log.h"
#include "storage/engine/engine_format.h"
#include "storage/engine/merge_policy.h"
#include "storage/engine/retention_policy.h"
#include "storage/fs/dirs.h"
#include "storage/part/part_merge.h"
#include "storage/store_impl.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

constexpr int kMaintenanceNice = 10;

void lower_thread_priority() {
  pid_t tid = static_cast<pid_t>(::syscall(SYS_gettid));
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), kMaintenanceNice);
}

}  // namespace

void Store::Impl::run_maintenance() {
  lower_thread_priority();
  std::unique_lock lock(bg_mu);
  for (;;) {
    bg_wake.wait_for(lock, options.maintenance_interval, [&] { return bg_stop; });
    if (bg_stop) return;
    lock.unlock();
    Status s = maintain_once();
    if (!s.is_ok()) log::error("storage maintenance failed; retrying later", {{"error", s.message()}});
    lock.lock();
  }
}

bool Store::Impl::stopping() const {
  std::lock_guard lock(bg_mu);
  return bg_stop;
}

Status Store::Impl::maintain_once() {
  std::lock_guard lock(maintain_mu);
  WEFT_RETURN_IF_ERROR(apply_retention());
  WEFT_RETURN_IF_ERROR(process_deletes());
  while (!stopping()) {
    Result<bool> merged = merge_once();
    if (!merged.is_ok() && stopping()) return Status::ok();  // cancelled by close()
    if (!merged.is_ok()) {
      merge_failures.add();
      return merged.status();
    }
    if (!*merged) break;
  }
  return Status::ok();
}

Result<bool> Store::Impl::merge_once() {
  std::vector<ManifestPart> pick =
      pick_merge(live_parts(), ef::day_of(now_unix_nanos()), options.merge_policy);
  if (pick.empty()) return false;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::shared_ptr<const PartReader>> inputs;
  auto current = std::shared_ptr<const StoreView>();
  {
    {
      std::lock_guard lock(view_mu);
      current = view;
    }
    for (const ManifestPart& p : pick)
      for (const LivePart& live : current->parts)
        if (live.entry.dir == p.dir) inputs.push_back(live.reader);
  }
  if (inputs.size() != pick.size()) return Status::internal("a part picked for merging is not in the view");
  const ManifestPart& first = pick.front();
  std::string dir = ef::part_dir(first.tenant, first.day, first.signal, next_part_id.fetch_add(1));
  std::filesystem::path path = options.data_dir / dir;
  WEFT_RETURN_IF_ERROR(ensure_dirs(*fs, options.data_dir, path.parent_path()));
  MergeOptions merge_options;
  merge_options.writer.fs = fs;
  merge_options.cancelled = [this] { return stopping(); };  // close() does not wait for a merge
  if (current->deletes) {  // merges also drop what accepted delete requests cover
    merge_options.keep_log = [&](const StreamId&, const LogRecord& r) {
      return current->deletes->covering(first.tenant, r) == nullptr;
    };
    merge_options.keep_span = [&](const StreamId&, const Span& s) {
      return current->deletes->covering(first.tenant, s) == nullptr;
    };
  }
  auto merged = merge_parts(inputs, path, merge_options);
  if (!merged.is_ok()) {
    fs->remove_all(path);
    return merged.status();
  }
  auto reader = PartReader::open(path, fs);
  if (!reader.is_ok()) {
    fs->remove_all(path);
    return reader.status();
  }
  const PartMeta& meta = merged->meta;
  Change change;
  change.added.push_back({{dir, first.tenant, first.day, first.signal, meta.rows, meta.total_bytes(),
                           meta.min_time, meta.max_time},
                          std::move(*reader)});
  uint64_t input_bytes = 0;
  for (const ManifestPart& p : pick) {
    change.removed.push_back(p.dir);
    input_bytes += p.bytes;
  }
  Status committed = commit(change);
  if (!committed.is_ok()) {
    fs->remove_all(path);
    return committed;
  }
  merges.add();
  log::info("parts merged",
            {{"tenant", first.tenant}, {"day", ef::day_name(first.day)},
             {"signal", part_format::signal_name(first.signal)}, {"parts", pick.size()},
             {"rows", meta.rows}, {"input_bytes", input_bytes}, {"output_bytes", meta.total_bytes()},
             {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()}});
  return true;
}

Status Store::Impl::apply_retention() {
  Expiry expiry = parts_to_expire(live_parts(), now_unix_nanos(), options.retention);
  if (expiry.by_age.empty() && expiry.by_disk.empty()) return Status::ok();
  Change change;
  for (const auto* list : {&expiry.by_age, &expiry.by_disk})
    for (const ManifestPart& p : *list) change.removed.push_back(p.dir);
  WEFT_RETURN_IF_ERROR(commit(change));
  retention_dropped_parts.add(change.removed.size());
  if (!expiry.by_age.empty())
    log::info("retention removed expired parts", {{"parts", expiry.by_age.size()}});
  if (!expiry.by_disk.empty())
    log::warn("disk budget reached: removed the oldest parts",
              {{"parts", expiry.by_disk.size()}, {"max_disk_bytes", options.retention.max_disk_bytes}});
  return Status::ok();
}

}  // namespace weft::storage
