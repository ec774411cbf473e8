#include "storage/backup/backup_writer.h"

#include <set>
#include <system_error>

#include "storage/backup/backup_sums.h"
#include "storage/engine/checksummed_file.h"
#include "storage/engine/engine_format.h"
#include "storage/fs/dirs.h"

namespace weft::storage {

namespace ef = engine_format;
namespace fsys = std::filesystem;

namespace {

// The sums of an earlier backup in `dir`, or none when it has no valid SUMS.
BackupSums earlier_sums(Fs& fs, const fsys::path& dir) {
  fsys::path path = dir / kBackupSumsFile;
  auto text = read_whole_file(fs, path);
  if (!text.is_ok()) return {};
  auto sums = decode_backup_sums(*text, path);
  return sums.is_ok() ? *sums : BackupSums{};
}

class BackupWriter {
 public:
  BackupWriter(const BackupSource& source, fsys::path dir)
      : source_(source), dir_(std::move(dir)), fs_(*posix_fs()) {}

  Result<BackupStats> run() {
    std::error_code ec;
    fsys::create_directories(dir_, ec);
    if (ec) return Status::io_error("create " + dir_.string() + ": " + ec.message());
    earlier_ = earlier_sums(fs_, dir_);
    WEFT_RETURN_IF_ERROR(fs_.remove_all(dir_ / kBackupSumsFile));
    WEFT_RETURN_IF_ERROR(fs_.sync_dir(dir_));
    for (const ManifestPart& part : source_.manifest.parts) WEFT_RETURN_IF_ERROR(add_part(part));
    Manifest manifest = source_.manifest;
    manifest.wal_replay_from = 0;
    WEFT_RETURN_IF_ERROR(add_small_file(ef::kManifestFile, encode_manifest(manifest)));
    if (!source_.deletes_file.empty())
      WEFT_RETURN_IF_ERROR(add_small_file(ef::kDeletesFile, source_.deletes_file));
    WEFT_RETURN_IF_ERROR(replace_file_atomically(fs_, dir_, kBackupSumsFile, kBackupSumsTempFile,
                                                 encode_backup_sums(sums_)));
    WEFT_RETURN_IF_ERROR(remove_stale_parts());
    return stats_;
  }

 private:
  Status add_part(const ManifestPart& part) {
    fsys::path from = source_.data_dir / part.dir, to = dir_ / part.dir;
    WEFT_RETURN_IF_ERROR(ensure_dirs(fs_, dir_, to));
    auto names = fs_.list_dir(from);
    if (!names.is_ok()) return names.status();
    for (const std::string& name : *names) WEFT_RETURN_IF_ERROR(add_part_file(part.dir + "/" + name));
    ++stats_.parts;
    return fs_.sync_dir(to);
  }

  Status add_part_file(const std::string& rel) {
    fsys::path from = source_.data_dir / rel, to = dir_ / rel;
    std::error_code ec;
    uint64_t size = fsys::file_size(from, ec);
    if (ec) return Status::io_error("stat " + from.string() + ": " + ec.message());
    auto it = earlier_.find(rel);
    if (it != earlier_.end() && it->second.size == size && fsys::file_size(to, ec) == size && !ec) {
      ++stats_.reused_files;
      return record(rel, it->second);
    }
    WEFT_RETURN_IF_ERROR(fs_.remove_all(to));
    fsys::create_hard_link(from, to, ec);
    if (!ec) {
      ++stats_.linked_files;
      auto sum = sum_file(fs_, to);
      if (!sum.is_ok()) return sum.status();
      return record(rel, *sum);
    }
    auto sum = copy_file_durably(fs_, from, to);
    if (!sum.is_ok()) return sum.status();
    return record(rel, *sum);
  }

  Status add_small_file(std::string_view name, std::string_view bytes) {
    std::string tmp = std::string(name) + ".tmp";
    WEFT_RETURN_IF_ERROR(replace_file_atomically(fs_, dir_, name, tmp, bytes));
    auto sum = sum_file(fs_, dir_ / name);
    if (!sum.is_ok()) return sum.status();
    return record(std::string(name), *sum);
  }

  Status record(const std::string& rel, const FileSum& sum) {
    sums_[rel] = sum;
    ++stats_.files;
    stats_.bytes += sum.size;
    return Status::ok();
  }

  // Part directories of earlier backups that this manifest no longer names.
  Status remove_stale_parts() {
    std::set<std::string> live;
    for (const ManifestPart& p : source_.manifest.parts) live.insert(p.dir);
    std::set<std::string> stale;
    for (const auto& [rel, sum] : earlier_) {
      fsys::path p(rel);
      if (p.begin() == p.end() || *p.begin() != ef::kPartsDir) continue;
      std::string part_dir = p.parent_path().string();
      if (!live.count(part_dir)) stale.insert(part_dir);
    }
    for (const std::string& d : stale) WEFT_RETURN_IF_ERROR(fs_.remove_all(dir_ / d));
    return Status::ok();
  }

  const BackupSource& source_;
  fsys::path dir_;
  Fs& fs_;
  BackupSums earlier_;
  BackupSums sums_;
  BackupStats stats_;
};

}  // namespace

Result<BackupStats> write_backup(const BackupSource& source, const fsys::path& dir) {
  return BackupWriter(source, dir).run();
}

}  // namespace weft::storage
