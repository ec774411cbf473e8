#include "storage/wal/wal_file.h"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace weft::storage {

Status errno_status(std::string_view what, const std::filesystem::path& path, int err) {
  std::string m(what);
  m += ' ';
  m += path.string();
  m += ": ";
  m += std::strerror(err);
  return Status::io_error(std::move(m));
}

namespace {

// Drops the first `n` written bytes from the front of iov[*first..], adjusting in place.
void advance(std::vector<iovec>& iov, size_t* first, size_t n) {
  while (n > 0 && *first < iov.size()) {
    iovec& v = iov[*first];
    size_t step = n < v.iov_len ? n : v.iov_len;
    v.iov_base = static_cast<char*>(v.iov_base) + step;
    v.iov_len -= step;
    n -= step;
    if (v.iov_len == 0) ++*first;
  }
  while (*first < iov.size() && iov[*first].iov_len == 0) ++*first;
}

class PosixWalFile final : public WalFile {
 public:
  PosixWalFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  ~PosixWalFile() override { ::close(fd_); }

  Status append(std::span<const iovec> parts) override {
    std::vector<iovec> iov(parts.begin(), parts.end());
    size_t first = 0;
    advance(iov, &first, 0);
    while (first < iov.size()) {
      int count = static_cast<int>(std::min<size_t>(iov.size() - first, IOV_MAX));
      ssize_t n = ::writev(fd_, iov.data() + first, count);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return errno_status("write", path_, errno);
      advance(iov, &first, static_cast<size_t>(n));
    }
    return Status::ok();
  }

  Status sync() override {
    if (::fdatasync(fd_) != 0) return errno_status("fdatasync", path_, errno);
    return Status::ok();
  }

  Status truncate(uint64_t size) override {
    if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) return errno_status("ftruncate", path_, errno);
    return Status::ok();
  }

 private:
  int fd_;
  std::filesystem::path path_;
};

class PosixWalFs final : public WalFs {
 public:
  Result<std::unique_ptr<WalFile>> create(const std::filesystem::path& path) override {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return errno_status("create", path, errno);
    return std::unique_ptr<WalFile>(std::make_unique<PosixWalFile>(fd, path));
  }

  Status sync_dir(const std::filesystem::path& dir) override {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno_status("open directory", dir, errno);
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    if (rc != 0) return errno_status("fsync directory", dir, err);
    return Status::ok();
  }

  Status remove(const std::filesystem::path& path) override {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return errno_status("remove", path, errno);
    return Status::ok();
  }
};

}  // namespace

std::shared_ptr<WalFs> posix_wal_fs() {
  static std::shared_ptr<WalFs> fs = std::make_shared<PosixWalFs>();
  return fs;
}

}  // namespace weft::storage
