// replay_segments: the recovery rules of docs/format/wal.md applied to a list of segments.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "common/log.h"
#include "storage/fs/fs.h"
#include "storage/wal/wal_reader.h"

namespace weft::storage {

namespace {

Result<std::string> read_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno_status("open", path, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return errno_status("stat", path, err);
  }
  std::string data(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  int err = 0;
  while (done < data.size() && err == 0) {
    ssize_t n = ::read(fd, data.data() + done, data.size() - done);
    if (n > 0) done += static_cast<size_t>(n);
    else if (n == 0) data.resize(done);  // the file shrank under us: read what is there
    else if (errno != EINTR) err = errno;
  }
  ::close(fd);
  if (err != 0) return errno_status("read", path, err);
  return data;
}

Status truncate_file(const std::filesystem::path& path, uint64_t size) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return errno_status("open", path, errno);
  Status s;
  if (::ftruncate(fd, static_cast<off_t>(size)) != 0) s = errno_status("ftruncate", path, errno);
  if (s.is_ok() && ::fsync(fd) != 0) s = errno_status("fsync", path, errno);
  ::close(fd);
  return s;
}

// Cuts the damaged tail off the last segment.
Status repair_tail(const SegmentFile& seg, const SegmentScan& scan, uint64_t size,
                   WalReplayStats* stats) {
  uint64_t cut = size - scan.good_bytes;
  log::warn("wal tail truncated", {{"segment", seg.path.string()}, {"offset", scan.good_bytes},
                                   {"bytes", cut}, {"reason", scan.reason}});
  WEFT_RETURN_IF_ERROR(truncate_file(seg.path, scan.good_bytes));
  stats->truncated_bytes += cut;
  return Status::ok();
}

// Damage that is not a torn tail: keep the file, skip what cannot be read.
void skip_damage(const SegmentFile& seg, const SegmentScan& scan, uint64_t size,
                 WalReplayStats* stats) {
  uint64_t skipped = size - scan.good_bytes;
  log::error("wal segment corrupt, skipping the rest of it",
             {{"segment", seg.path.string()}, {"offset", scan.good_bytes}, {"bytes", skipped},
              {"reason", scan.reason}});
  stats->skipped_bytes += skipped;
  ++stats->corrupt_segments;
}

}  // namespace

Result<WalReplayStats> replay_segments(std::span<const SegmentFile> segments,
                                       const std::function<void(std::string_view)>& fn) {
  WalReplayStats stats;
  for (size_t i = 0; i < segments.size(); ++i) {
    Result<std::string> data = read_file(segments[i].path);
    if (!data.is_ok()) return data.status();
    SegmentScan scan = scan_segment(*data, fn);
    stats.entries += scan.entries;
    ++stats.segments;
    if (scan.damage == SegmentDamage::kNone) continue;
    bool last = i + 1 == segments.size();
    if (last && scan.damage != SegmentDamage::kBadHeader) {
      WEFT_RETURN_IF_ERROR(repair_tail(segments[i], scan, data->size(), &stats));
    } else {
      skip_damage(segments[i], scan, data->size(), &stats);
    }
  }
  return stats;
}

}  // namespace weft::storage
