// WalSegmentWriter: appends groups of framed entries to the current WAL segment, rotating to a
// new segment past segment_bytes, and makes each group durable with one fdatasync.
//
// Segments are created lazily, by the first group after construction, after rotation, or after
// an error, with sequence numbers counting up from `next_sequence`. A new segment gets its
// header and, when fsync is on, a directory sync before any entry goes in.
//
// Failure: when a write or sync fails the group is reported failed, the writer tries to cut the
// segment back to where the group began, and abandons the segment: the next group starts a new
// one, so entries written later never sit behind a torn group. (After a failed fdatasync the
// group may still reach the disk and be replayed: a failed append may or may not be durable.)
//
// Thread safety: none; owned by the WAL writer thread.
#pragma once

#include <sys/uio.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "common/metrics.h"
#include "common/status.h"
#include "storage/fs/fs.h"

namespace weft::storage {

class WalSegmentWriter {
 public:
  WalSegmentWriter(std::shared_ptr<Fs> fs, std::filesystem::path dir, uint64_t next_sequence,
                   uint64_t segment_bytes, bool fsync);

  // Appends `parts` (whole framed entries, `bytes` in total) as one write, then one sync when
  // fsync is on. OK means the whole group is written (and durable when fsync is on).
  Status write_group(std::span<const iovec> parts, uint64_t bytes);

  // Syncs and closes the current segment, if any.
  Status close();

  // Closes the current segment so the next group starts a new one; returns the sequence number
  // that new segment will have (every group written so far is in a segment below it).
  Result<uint64_t> roll();

  // The segment being appended to, or empty when there is none.
  const std::filesystem::path& current_path() const { return path_; }

 private:
  Status open_segment();
  Status sync_current();
  void abandon(uint64_t group_start, const Status& why);

  std::shared_ptr<Fs> fs_;
  std::filesystem::path dir_;
  uint64_t next_sequence_;
  uint64_t segment_bytes_;
  bool fsync_;

  std::unique_ptr<WritableFile> file_;  // null between segments
  std::filesystem::path path_;
  uint64_t size_ = 0;  // bytes in the current segment, header included

  Histogram& fsync_seconds_;
  Counter& bytes_written_;
};

}  // namespace weft::storage
