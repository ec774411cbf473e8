// Fs, WritableFile, ReadableFile: every filesystem operation the storage engine performs, behind
// one seam.
//
// posix_fs() is plain POSIX: open(O_CREAT|O_EXCL|O_APPEND), writev, fdatasync, ftruncate,
// pread, mkdir, rename, fsync of directories. Tests substitute FaultInjectionFs
// (fault_injection_fs.h), which fails operations on demand and, at a simulated power cut, loses
// whatever was not made durable, the way LevelDB tests crash recovery through its Env.
//
// Durability contract of the real implementation (and what FaultInjectionFs models):
//   - bytes appended to a file are durable once that file's sync() returns OK;
//   - a new directory entry (create, create_dir, rename) is durable once sync_dir() of the
//     directory holding the entry returns OK;
//   - remove_all() is not undone by a crash (callers only remove what nothing refers to).
//
// Thread safety: a WritableFile or ReadableFile is used by one thread at a time (ReadableFile::
// read is safe from several threads: it is a pread); an Fs may be shared by any threads.
#pragma once

#include <sys/uio.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace weft::storage {

// A file open for appending. Closed by the destructor (without syncing).
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  // Writes every byte of `parts`, in order, at the end of the file. On error, some prefix of
  // the bytes may have reached the file.
  virtual Status append(std::span<const iovec> parts) = 0;
  // Makes every appended byte durable (fdatasync).
  virtual Status sync() = 0;
  // Cuts the file to `size` bytes.
  virtual Status truncate(uint64_t size) = 0;

  Status append(std::string_view bytes);
};

// A file open for reading at any offset.
class ReadableFile {
 public:
  virtual ~ReadableFile() = default;
  // The size of the file when it was opened.
  virtual uint64_t size() const = 0;
  // Reads exactly `n` bytes at `offset` into `out`; kCorruption naming the file when the file
  // ends before offset + n (a short file is damaged data, not an I/O failure).
  virtual Status read(uint64_t offset, size_t n, char* out) const = 0;
  // The path it was opened with (for messages).
  virtual const std::filesystem::path& path() const = 0;

  // Reads bytes [offset, offset + n) into a new string.
  Result<std::string> read(uint64_t offset, size_t n) const;
};

class Fs {
 public:
  virtual ~Fs() = default;
  // Creates a new, empty file; fails if `path` exists.
  virtual Result<std::unique_ptr<WritableFile>> create(const std::filesystem::path& path) = 0;
  // Opens an existing file for reading; kNotFound when it does not exist.
  virtual Result<std::unique_ptr<ReadableFile>> open(const std::filesystem::path& path) = 0;
  // Makes the directory's entries (new files, directories and renames into it) durable.
  virtual Status sync_dir(const std::filesystem::path& dir) = 0;
  // Creates a directory; fails if `path` exists.
  virtual Status create_dir(const std::filesystem::path& path) = 0;
  // Renames a file or directory (rename(2): atomic; replaces a file or an empty directory).
  virtual Status rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  // Removes a file or a directory tree; OK when `path` does not exist.
  virtual Status remove_all(const std::filesystem::path& path) = 0;
  // Whether `path` exists.
  virtual Result<bool> exists(const std::filesystem::path& path) = 0;
  // The names of the entries of a directory, sorted.
  virtual Result<std::vector<std::string>> list_dir(const std::filesystem::path& dir) = 0;
};

// The real filesystem (one shared instance).
std::shared_ptr<Fs> posix_fs();

// "<what> <path>: <strerror(err)>" as an io_error status.
Status errno_status(std::string_view what, const std::filesystem::path& path, int err);

}  // namespace weft::storage
