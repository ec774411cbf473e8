// Opening the store: manifest, garbage removal, parts, WAL replay (see store.h).
#include <chrono>
#include <set>

#include "common/log.h"
#include "storage/engine/engine_format.h"
#include "storage/fs/dirs.h"
#include "storage/store_entry.h"
#include "storage/store_impl.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

// Every directory three levels under parts/ (tenant/day/name), relative to the data dir.
Result<std::vector<std::string>> list_part_dirs(Fs& fs, const std::filesystem::path& data_dir) {
  std::vector<std::string> out;
  std::filesystem::path parts = data_dir / ef::kPartsDir;
  Result<bool> exists = fs.exists(parts);
  if (!exists.is_ok()) return exists.status();
  if (!*exists) return out;
  auto tenants = fs.list_dir(parts);
  if (!tenants.is_ok()) return tenants.status();
  for (const std::string& tenant : *tenants) {
    auto days = fs.list_dir(parts / tenant);
    if (!days.is_ok()) return days.status();
    for (const std::string& day : *days) {
      auto names = fs.list_dir(parts / tenant / day);
      if (!names.is_ok()) return names.status();
      for (const std::string& name : *names)
        out.push_back(std::string(ef::kPartsDir) + "/" + tenant + "/" + day + "/" + name);
    }
  }
  return out;
}

}  // namespace

Status Store::Impl::open() {
  WEFT_RETURN_IF_ERROR(ensure_root());
  Result<Manifest> read = read_manifest(*fs, options.data_dir);
  if (!read.is_ok()) return read.status();
  manifest = std::move(*read);
  next_part_id = manifest.next_part_id;
  WEFT_RETURN_IF_ERROR(remove_garbage());
  auto initial = std::make_shared<StoreView>();
  WEFT_RETURN_IF_ERROR(open_parts(&initial->parts));
  initial->memtables.push_back(active);
  view = std::move(initial);
  WEFT_RETURN_IF_ERROR(open_deletes());
  WEFT_RETURN_IF_ERROR(replay());
  wal->start({});
  background = std::thread([this] { run_background(); });
  maintenance = std::thread([this] { run_maintenance(); });
  return Status::ok();
}

Status Store::Impl::ensure_root() {
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) return Status::io_error("create " + options.data_dir.string() + ": " + ec.message());
  return Status::ok();
}

// Removes part directories the manifest does not name (flushes or merges that crashed before
// their manifest was written, and ".tmp" leftovers), and a leftover MANIFEST.tmp.
Status Store::Impl::remove_garbage() {
  WEFT_RETURN_IF_ERROR(fs->remove_all(options.data_dir / ef::kManifestTempFile));
  std::set<std::string> live;
  for (const ManifestPart& p : manifest.parts) live.insert(p.dir);
  auto dirs = list_part_dirs(*fs, options.data_dir);
  if (!dirs.is_ok()) return dirs.status();
  for (const std::string& dir : *dirs) {
    if (live.count(dir)) continue;
    log::info("removing unmanifested part", {{"dir", dir}});
    WEFT_RETURN_IF_ERROR(fs->remove_all(options.data_dir / dir));
  }
  return Status::ok();
}

// Opens every manifested part. A part that fails to open is moved to quarantine/ and dropped
// from the manifest, loudly: its rows are lost to queries, the rest keeps serving.
Status Store::Impl::open_parts(std::vector<LivePart>* parts) {
  std::vector<ManifestPart> kept;
  for (const ManifestPart& p : manifest.parts) {
    auto reader = PartReader::open(options.data_dir / p.dir, fs);
    if (reader.is_ok()) {
      parts->push_back({p, std::move(*reader)});
      kept.push_back(p);
      continue;
    }
    log::error("part unreadable, quarantined",
               {{"dir", p.dir}, {"rows", p.rows}, {"error", reader.status().message()}});
    WEFT_RETURN_IF_ERROR(quarantine(p));
  }
  if (kept.size() == manifest.parts.size()) return Status::ok();
  Manifest next = manifest;
  next.parts = std::move(kept);
  ++next.generation;
  WEFT_RETURN_IF_ERROR(write_manifest(*fs, options.data_dir, next));
  manifest = std::move(next);
  return Status::ok();
}

Status Store::Impl::quarantine(const ManifestPart& part) {
  std::filesystem::path root = options.data_dir / ef::kQuarantineDir;
  WEFT_RETURN_IF_ERROR(ensure_dirs(*fs, options.data_dir, root));
  std::string name = part.tenant + "-" + ef::day_name(part.day) + "-" +
                     std::filesystem::path(part.dir).filename().string();
  WEFT_RETURN_IF_ERROR(fs->rename(options.data_dir / part.dir, root / name));
  return fs->sync_dir(root);
}

Status Store::Impl::replay() {
  WalOptions wal_options;
  wal_options.dir = options.data_dir / ef::kWalDir;
  wal_options.fsync = options.fsync;
  wal_options.segment_bytes = options.wal_segment_bytes;
  wal_options.max_pending_bytes = options.wal_max_pending_bytes;
  wal_options.fs = fs;
  Result<std::unique_ptr<Wal>> opened = Wal::open(wal_options);
  if (!opened.is_ok()) return opened.status();
  wal = std::move(opened).value();

  auto t0 = std::chrono::steady_clock::now();
  uint64_t undecodable = 0;
  Result<WalReplayStats> stats = wal->replay(
      [&](std::string_view entry) {
        Result<DecodedEntry> decoded = decode_store_entry(entry);
        if (!decoded.is_ok()) {
          if (++undecodable <= 10)
            log::error("wal entry undecodable, skipped", {{"error", decoded.status().message()}});
          return;
        }
        if (decoded->signal == Signal::kLogs) active->add_logs(std::move(decoded->logs));
        else active->add_spans(std::move(decoded->spans));
      },
      manifest.wal_replay_from);
  if (!stats.is_ok()) return stats.status();
  replay_stats = *stats;
  // Segments already in parts whose deletion a crash interrupted.
  Status removed = wal->remove_segments_before(manifest.wal_replay_from);
  if (!removed.is_ok()) log::warn("removing flushed wal segments failed", {{"error", removed.message()}});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  log::info("store opened", {{"parts", manifest.parts.size()},
                             {"wal_replay_from", manifest.wal_replay_from},
                             {"replayed_log_records", active->log_count()},
                             {"replayed_spans", active->span_count()},
                             {"undecodable_entries", undecodable},
                             {"replay_seconds", seconds}});
  return Status::ok();
}

}  // namespace weft::storage
