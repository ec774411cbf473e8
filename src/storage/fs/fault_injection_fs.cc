#include "storage/fs/fault_injection_fs.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace weft::storage {

namespace {

// `path` itself or anything below it, when `path` is `root` or under it.
bool is_under(const std::filesystem::path& path, const std::filesystem::path& root) {
  const std::string& p = path.native();
  const std::string& r = root.native();
  return p == r || (p.size() > r.size() && p.compare(0, r.size(), r) == 0 && p[r.size()] == '/');
}

// `path` with its leading `from` replaced by `to` (REQUIRES is_under(path, from)).
std::filesystem::path rebase(const std::filesystem::path& path, const std::filesystem::path& from,
                             const std::filesystem::path& to) {
  return std::filesystem::path(to.native() + path.native().substr(from.native().size()));
}

std::optional<std::string> read_regular_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_regular_file(const std::filesystem::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

}  // namespace

class FaultWritableFile final : public WritableFile {
 public:
  FaultWritableFile(FaultInjectionFs* fs, uint64_t id, std::unique_ptr<WritableFile> real)
      : fs_(fs), id_(id), real_(std::move(real)) {}

  using WritableFile::append;
  Status append(std::span<const iovec> parts) override {
    WEFT_RETURN_IF_ERROR(fs_->gate());
    uint64_t bytes = 0;
    for (const iovec& v : parts) bytes += v.iov_len;
    if (fs_->fail_writes_.load() > 0) {
      --fs_->fail_writes_;
      return torn_append(parts, bytes / 2);
    }
    WEFT_RETURN_IF_ERROR(real_->append(parts));
    fs_->note_append(id_, bytes);
    return Status::ok();
  }

  Status sync() override {
    WEFT_RETURN_IF_ERROR(fs_->gate(/*is_file_sync=*/true));
    if (fs_->fail_syncs_.load() > 0) {
      --fs_->fail_syncs_;
      return Status::io_error("injected sync failure");
    }
    WEFT_RETURN_IF_ERROR(real_->sync());
    fs_->note_sync(id_);
    return Status::ok();
  }

  Status truncate(uint64_t size) override {
    WEFT_RETURN_IF_ERROR(fs_->gate());
    WEFT_RETURN_IF_ERROR(real_->truncate(size));
    fs_->note_truncate(id_, size);
    return Status::ok();
  }

 private:
  Status torn_append(std::span<const iovec> parts, uint64_t n) {
    std::string prefix;
    for (const iovec& v : parts) prefix.append(static_cast<const char*>(v.iov_base), v.iov_len);
    prefix.resize(n);
    WEFT_RETURN_IF_ERROR(real_->append(prefix));
    fs_->note_append(id_, n);
    return Status::io_error("injected write failure");
  }

  FaultInjectionFs* fs_;
  uint64_t id_;
  std::unique_ptr<WritableFile> real_;
};

FaultInjectionFs::FaultInjectionFs() : real_(posix_fs()) {}

Status FaultInjectionFs::gate(bool is_file_sync) {
  ++ops_;
  if (dead_) return Status::io_error("power cut");
  bool cut = ops_until_cut_.load() >= 0 && ops_until_cut_-- == 0;
  if (is_file_sync && syncs_until_cut_.load() >= 0 && syncs_until_cut_-- == 0) cut = true;
  if (cut) {
    dead_ = true;
    return Status::io_error("power cut");
  }
  return Status::ok();
}

void FaultInjectionFs::note_append(uint64_t id, uint64_t bytes) {
  std::lock_guard l(mu_);
  files_[id].size += bytes;
}

void FaultInjectionFs::note_sync(uint64_t id) {
  std::lock_guard l(mu_);
  files_[id].synced = files_[id].size;
}

void FaultInjectionFs::note_truncate(uint64_t id, uint64_t size) {
  std::lock_guard l(mu_);
  FileState& f = files_[id];
  f.size = size;
  f.synced = std::min(f.synced, size);
}

Result<std::unique_ptr<WritableFile>> FaultInjectionFs::create(const std::filesystem::path& path) {
  WEFT_RETURN_IF_ERROR(gate());
  auto real = real_->create(path);
  if (!real.is_ok()) return real.status();
  std::lock_guard l(mu_);
  uint64_t id = next_id_++;
  file_ids_[path] = id;
  files_[id] = {};
  pending_.push_back({PendingEntry::Kind::kCreateFile, path.parent_path(), path, {}, {}, false});
  return std::unique_ptr<WritableFile>(
      std::make_unique<FaultWritableFile>(this, id, std::move(real).value()));
}

Result<std::unique_ptr<ReadableFile>> FaultInjectionFs::open(const std::filesystem::path& path) {
  return real_->open(path);
}

Status FaultInjectionFs::sync_dir(const std::filesystem::path& dir) {
  WEFT_RETURN_IF_ERROR(gate());
  WEFT_RETURN_IF_ERROR(real_->sync_dir(dir));
  std::lock_guard l(mu_);
  std::erase_if(pending_, [&](const PendingEntry& e) { return e.dir == dir; });
  return Status::ok();
}

Status FaultInjectionFs::create_dir(const std::filesystem::path& path) {
  WEFT_RETURN_IF_ERROR(gate());
  WEFT_RETURN_IF_ERROR(real_->create_dir(path));
  std::lock_guard l(mu_);
  pending_.push_back({PendingEntry::Kind::kCreateDir, path.parent_path(), path, {}, {}, false});
  return Status::ok();
}

void FaultInjectionFs::remap_locked(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::map<std::filesystem::path, uint64_t> ids;
  for (auto& [path, id] : file_ids_) ids[is_under(path, from) ? rebase(path, from, to) : path] = id;
  file_ids_ = std::move(ids);
  for (PendingEntry& e : pending_) {
    for (std::filesystem::path* p : {&e.dir, &e.path, &e.from})
      if (!p->empty() && is_under(*p, from)) *p = rebase(*p, from, to);
  }
}

Status FaultInjectionFs::rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  WEFT_RETURN_IF_ERROR(gate());
  PendingEntry e{PendingEntry::Kind::kRename, to.parent_path(), to, from, read_regular_file(to), false};
  std::error_code ec;
  e.replaced_dir = std::filesystem::is_directory(to, ec);
  WEFT_RETURN_IF_ERROR(real_->rename(from, to));
  std::lock_guard l(mu_);
  std::erase_if(file_ids_, [&](const auto& entry) { return is_under(entry.first, to); });
  remap_locked(from, to);
  pending_.push_back(std::move(e));
  return Status::ok();
}

Status FaultInjectionFs::remove_all(const std::filesystem::path& path) {
  WEFT_RETURN_IF_ERROR(gate());
  WEFT_RETURN_IF_ERROR(real_->remove_all(path));
  std::lock_guard l(mu_);
  std::erase_if(file_ids_, [&](const auto& entry) { return is_under(entry.first, path); });
  std::erase_if(pending_, [&](const PendingEntry& e) { return is_under(e.path, path); });
  return Status::ok();
}

Result<bool> FaultInjectionFs::exists(const std::filesystem::path& path) { return real_->exists(path); }

Result<std::vector<std::string>> FaultInjectionFs::list_dir(const std::filesystem::path& dir) {
  return real_->list_dir(dir);
}

void FaultInjectionFs::undo_locked(PendingEntry e) {
  std::error_code ec;
  switch (e.kind) {
    case PendingEntry::Kind::kCreateFile:
    case PendingEntry::Kind::kCreateDir:
      std::filesystem::remove_all(e.path, ec);
      std::erase_if(file_ids_, [&](const auto& entry) { return is_under(entry.first, e.path); });
      break;
    case PendingEntry::Kind::kRename:
      std::filesystem::rename(e.path, e.from, ec);
      remap_locked(e.path, e.from);
      if (e.replaced_file) write_regular_file(e.path, *e.replaced_file);
      if (e.replaced_dir) std::filesystem::create_directory(e.path, ec);
      break;
  }
}

void FaultInjectionFs::crash(uint64_t keep_unsynced_bytes) {
  std::lock_guard l(mu_);
  for (const auto& [path, id] : file_ids_) {
    const FileState& f = files_[id];
    std::error_code ec;
    uint64_t on_disk = std::filesystem::file_size(path, ec);
    if (ec) continue;
    uint64_t keep = std::min(on_disk, f.synced + keep_unsynced_bytes);
    if (keep < on_disk) std::filesystem::resize_file(path, keep, ec);
  }
  for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) undo_locked(*it);
  pending_.clear();
  for (const auto& [path, id] : file_ids_) {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(path, ec);
    files_[id] = {ec ? 0 : size, ec ? 0 : size};
  }
  dead_ = false;
  syncs_until_cut_ = -1;
  ops_until_cut_ = -1;
  fail_writes_ = 0;
  fail_syncs_ = 0;
}

}  // namespace weft::storage
