#include "storage/backup/backup_restore.h"

#include <set>
#include <system_error>

#include "storage/backup/backup_sums.h"
#include "storage/engine/checksummed_file.h"
#include "storage/engine/engine_format.h"
#include "storage/engine/manifest.h"
#include "storage/fs/dirs.h"

namespace weft::storage {

namespace ef = engine_format;
namespace fsys = std::filesystem;

namespace {

Status damaged(const fsys::path& file, std::string_view why) {
  return Status::corruption("backup damaged: " + file.string() + ": " + std::string(why));
}

struct VerifiedBackup {
  BackupSums sums;
  Manifest manifest;
  RestoreStats stats;
};

Result<VerifiedBackup> verify(Fs& fs, const fsys::path& dir) {
  VerifiedBackup out;
  fsys::path sums_path = dir / kBackupSumsFile;
  auto text = read_whole_file(fs, sums_path);
  if (!text.is_ok()) {
    if (text.status().code() == StatusCode::kNotFound)
      return Status::not_found("not a complete weft backup: " + sums_path.string() + " is missing");
    return text.status();
  }
  auto sums = decode_backup_sums(*text, sums_path);
  if (!sums.is_ok()) return damaged(sums_path, sums.status().message());
  out.sums = std::move(*sums);
  for (const auto& [rel, expected] : out.sums) {
    auto got = sum_file(fs, dir / rel);
    if (!got.is_ok()) return damaged(dir / rel, got.status().message());
    if (got->size != expected.size) return damaged(dir / rel, "size differs from SUMS");
    if (got->xxh3 != expected.xxh3) return damaged(dir / rel, "checksum mismatch");
    ++out.stats.files;
    out.stats.bytes += got->size;
  }
  if (!out.sums.count(std::string(ef::kManifestFile))) return damaged(sums_path, "no MANIFEST listed");
  auto manifest = read_manifest(fs, dir);
  if (!manifest.is_ok()) return damaged(dir / ef::kManifestFile, manifest.status().message());
  out.manifest = std::move(*manifest);
  std::set<std::string> listed_dirs;
  for (const auto& [rel, sum] : out.sums) listed_dirs.insert(fsys::path(rel).parent_path().string());
  for (const ManifestPart& p : out.manifest.parts)
    if (!listed_dirs.count(p.dir)) return damaged(dir / p.dir, "a part the manifest names is not in SUMS");
  out.stats.parts = out.manifest.parts.size();
  return out;
}

Status prepare_target(const fsys::path& data_dir, bool force) {
  std::error_code ec;
  fsys::create_directories(data_dir, ec);
  if (ec) return Status::io_error("create " + data_dir.string() + ": " + ec.message());
  for (const auto& entry : fsys::directory_iterator(data_dir, ec)) {
    if (!force)
      return Status::invalid("data directory " + data_dir.string() +
                             " is not empty; restore refuses to mix data (--force empties it)");
    fsys::remove_all(entry.path(), ec);
    if (ec) return Status::io_error("remove " + entry.path().string() + ": " + ec.message());
  }
  if (ec) return Status::io_error("list " + data_dir.string() + ": " + ec.message());
  return Status::ok();
}

// Copies one listed file to `to_rel`, checking the copy's sum against SUMS again.
Status restore_file(Fs& fs, const fsys::path& from_dir, const fsys::path& data_dir,
                    const std::string& rel, const FileSum& expected, const std::string& to_rel) {
  fsys::path to = data_dir / to_rel;
  WEFT_RETURN_IF_ERROR(ensure_dirs(fs, data_dir, to.parent_path()));
  auto sum = copy_file_durably(fs, from_dir / rel, to);
  if (!sum.is_ok()) return sum.status();
  if (!(*sum == expected)) return damaged(from_dir / rel, "changed while being restored");
  return fs.sync_dir(to.parent_path());
}

}  // namespace

Result<RestoreStats> verify_backup(const fsys::path& backup_dir) {
  auto verified = verify(*posix_fs(), backup_dir);
  if (!verified.is_ok()) return verified.status();
  return verified->stats;
}

Result<RestoreStats> restore_backup(const fsys::path& backup_dir, const fsys::path& data_dir,
                                    bool force) {
  Fs& fs = *posix_fs();
  auto verified = verify(fs, backup_dir);
  if (!verified.is_ok()) return verified.status();
  WEFT_RETURN_IF_ERROR(prepare_target(data_dir, force));
  const std::string manifest_name(ef::kManifestFile);
  for (const auto& [rel, sum] : verified->sums)
    if (rel != manifest_name) WEFT_RETURN_IF_ERROR(restore_file(fs, backup_dir, data_dir, rel, sum, rel));
  // The manifest last, atomically: MANIFEST.tmp, then renamed.
  const std::string temp_name(ef::kManifestTempFile);
  WEFT_RETURN_IF_ERROR(restore_file(fs, backup_dir, data_dir, manifest_name,
                                    verified->sums.at(manifest_name), temp_name));
  WEFT_RETURN_IF_ERROR(fs.rename(data_dir / temp_name, data_dir / manifest_name));
  WEFT_RETURN_IF_ERROR(fs.sync_dir(data_dir));
  return verified->stats;
}

}  // namespace weft::storage
