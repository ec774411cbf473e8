#include "storage/wal/wal_segment_writer.h"

#include <chrono>

#include "common/log.h"
#include "storage/wal/wal_format.h"

namespace weft::storage {

WalSegmentWriter::WalSegmentWriter(std::shared_ptr<Fs> fs, std::filesystem::path dir,
                                   uint64_t next_sequence, uint64_t segment_bytes, bool fsync)
    : fs_(std::move(fs)),
      dir_(std::move(dir)),
      next_sequence_(next_sequence),
      segment_bytes_(segment_bytes),
      fsync_(fsync),
      fsync_seconds_(MetricsRegistry::global().histogram(
          "weft_wal_fsync_duration_seconds", "Time taken by one WAL fdatasync.",
          latency_buckets_seconds())),
      bytes_written_(MetricsRegistry::global().counter(
          "weft_wal_bytes_written_total", "Bytes written to WAL segments, framing included.")) {}

Status WalSegmentWriter::write_group(std::span<const iovec> parts, uint64_t bytes) {
  if (file_ && size_ >= segment_bytes_) WEFT_RETURN_IF_ERROR(close());
  if (!file_) WEFT_RETURN_IF_ERROR(open_segment());
  uint64_t group_start = size_;
  Status s = file_->append(parts);
  if (s.is_ok()) {
    size_ += bytes;
    bytes_written_.add(bytes);
    s = sync_current();
  }
  if (!s.is_ok()) abandon(group_start, s);
  return s;
}

Status WalSegmentWriter::close() {
  if (!file_) return Status::ok();
  Status s = sync_current();
  file_.reset();
  path_.clear();
  size_ = 0;
  return s;
}

Result<uint64_t> WalSegmentWriter::roll() {
  WEFT_RETURN_IF_ERROR(close());
  return next_sequence_;
}

Status WalSegmentWriter::open_segment() {
  std::filesystem::path path = dir_ / wal_format::segment_file_name(next_sequence_++);
  Result<std::unique_ptr<WritableFile>> file = fs_->create(path);
  if (!file.is_ok()) {
    log::error("wal segment create failed", {{"segment", path.string()}, {"error", file.status().message()}});
    return file.status();
  }
  file_ = std::move(file).value();
  path_ = path;
  wal_format::SegmentHeader header = wal_format::encode_segment_header();
  iovec iov{header.data(), header.size()};
  Status s = file_->append(std::span<const iovec>(&iov, 1));
  if (s.is_ok() && fsync_) s = fs_->sync_dir(dir_);
  if (!s.is_ok()) {
    abandon(0, s);
    return s;
  }
  size_ = header.size();
  bytes_written_.add(header.size());
  return Status::ok();
}

Status WalSegmentWriter::sync_current() {
  if (!fsync_) return Status::ok();
  auto t0 = std::chrono::steady_clock::now();
  Status s = file_->sync();
  fsync_seconds_.observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return s;
}

void WalSegmentWriter::abandon(uint64_t group_start, const Status& why) {
  Status cut = file_->truncate(group_start);
  if (cut.is_ok() && fsync_) cut = file_->sync();
  log::error("wal write failed, abandoning segment",
             {{"segment", path_.string()}, {"offset", group_start}, {"error", why.message()},
              {"cut_back", cut.is_ok() ? std::string("ok") : cut.message()}});
  file_.reset();
  path_.clear();
  size_ = 0;
}

}  // namespace weft::storage
