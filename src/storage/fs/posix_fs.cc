// posix_fs(): the real filesystem behind the Fs seam.
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "storage/fs/fs.h"

namespace weft::storage {

Status errno_status(std::string_view what, const std::filesystem::path& path, int err) {
  std::string m(what);
  m += ' ';
  m += path.string();
  m += ": ";
  m += std::strerror(err);
  return Status::io_error(std::move(m));
}

Status WritableFile::append(std::string_view bytes) {
  iovec iov{const_cast<char*>(bytes.data()), bytes.size()};
  return append(std::span<const iovec>(&iov, 1));
}

Result<std::string> ReadableFile::read(uint64_t offset, size_t n) const {
  std::string out(n, '\0');
  WEFT_RETURN_IF_ERROR(read(offset, n, out.data()));
  return out;
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

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  ~PosixWritableFile() override { ::close(fd_); }

  using WritableFile::append;
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

class PosixReadableFile final : public ReadableFile {
 public:
  PosixReadableFile(int fd, uint64_t size, std::filesystem::path path)
      : fd_(fd), size_(size), path_(std::move(path)) {}
  ~PosixReadableFile() override { ::close(fd_); }

  uint64_t size() const override { return size_; }
  const std::filesystem::path& path() const override { return path_; }

  using ReadableFile::read;
  Status read(uint64_t offset, size_t n, char* out) const override {
    size_t done = 0;
    while (done < n) {
      ssize_t got = ::pread(fd_, out + done, n - done, static_cast<off_t>(offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return errno_status("read", path_, errno);
      if (got == 0) {
        return Status::corruption(path_.string() + ": file ends at " + std::to_string(offset + done) +
                                  ", expected " + std::to_string(n) + " bytes at offset " +
                                  std::to_string(offset));
      }
      done += static_cast<size_t>(got);
    }
    return Status::ok();
  }

 private:
  int fd_;
  uint64_t size_;
  std::filesystem::path path_;
};

class PosixFs final : public Fs {
 public:
  Result<std::unique_ptr<WritableFile>> create(const std::filesystem::path& path) override {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return errno_status("create", path, errno);
    return std::unique_ptr<WritableFile>(std::make_unique<PosixWritableFile>(fd, path));
  }

  Result<std::unique_ptr<ReadableFile>> open(const std::filesystem::path& path) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      Status s = errno_status("open", path, err);
      if (err == ENOENT) return Status::not_found(s.message());
      return s;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      return errno_status("stat", path, err);
    }
    return std::unique_ptr<ReadableFile>(
        std::make_unique<PosixReadableFile>(fd, static_cast<uint64_t>(st.st_size), path));
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

  Status create_dir(const std::filesystem::path& path) override {
    if (::mkdir(path.c_str(), 0755) != 0) return errno_status("mkdir", path, errno);
    return Status::ok();
  }

  Status rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) return errno_status("rename " + from.string() + " to", to, errno);
    return Status::ok();
  }

  Status remove_all(const std::filesystem::path& path) override {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
    if (ec) return errno_status("remove", path, ec.value());
    return Status::ok();
  }

  Result<bool> exists(const std::filesystem::path& path) override {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) return true;
    if (errno == ENOENT || errno == ENOTDIR) return false;
    return errno_status("stat", path, errno);
  }

  Result<std::vector<std::string>> list_dir(const std::filesystem::path& dir) override {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) return errno_status("open directory", dir, errno);
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
      std::string_view name = e->d_name;
      if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
  }
};

}  // namespace

std::shared_ptr<Fs> posix_fs() {
  static std::shared_ptr<Fs> fs = std::make_shared<PosixFs>();
  return fs;
}

}  // namespace weft::storage
