// WalFs and WalFile: the few filesystem operations the WAL writer performs, behind a seam.
//
// The real implementation (posix_wal_fs()) is plain POSIX: open(O_CREAT|O_EXCL|O_APPEND),
// writev, fdatasync, ftruncate, fsync of the directory. Tests substitute a fault-injecting
// implementation (failed or partial writes, failed syncs, unsynced data dropped at a simulated
// crash) through WalOptions::fs, the way LevelDB tests crash recovery through its Env.
//
// Thread safety: a WalFile is used by one thread at a time; a WalFs may be shared.
#pragma once

#include <sys/uio.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "common/status.h"

namespace weft::storage {

// A file open for appending. Closed by the destructor (without syncing).
class WalFile {
 public:
  virtual ~WalFile() = default;
  // Writes every byte of `parts`, in order, at the end of the file. On error, some prefix of
  // the bytes may have reached the file.
  virtual Status append(std::span<const iovec> parts) = 0;
  // Makes every appended byte durable (fdatasync).
  virtual Status sync() = 0;
  // Cuts the file to `size` bytes.
  virtual Status truncate(uint64_t size) = 0;
};

class WalFs {
 public:
  virtual ~WalFs() = default;
  // Creates a new, empty file; fails if `path` exists.
  virtual Result<std::unique_ptr<WalFile>> create(const std::filesystem::path& path) = 0;
  // Makes the directory's entries (newly created or removed files) durable.
  virtual Status sync_dir(const std::filesystem::path& dir) = 0;
  // Removes a file; OK when it does not exist.
  virtual Status remove(const std::filesystem::path& path) = 0;
};

// The real filesystem.
std::shared_ptr<WalFs> posix_wal_fs();

// "<what> <path>: <strerror(err)>" as an io_error status.
Status errno_status(std::string_view what, const std::filesystem::path& path, int err);

}  // namespace weft::storage
