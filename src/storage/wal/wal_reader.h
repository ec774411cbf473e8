// Reading the WAL back: listing a directory's segments, parsing one segment's bytes, and the
// replay of a whole directory with the repair rules of docs/format/wal.md ("Recovery").
//
// Thread safety: free functions over caller-owned data; replay must not run while a writer
// appends to the same directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/wal/wal.h"

namespace weft::storage {

struct SegmentFile {
  uint64_t sequence = 0;
  std::filesystem::path path;
};

// The segment files of `dir`, by sequence number. Other files are ignored.
Result<std::vector<SegmentFile>> list_segments(const std::filesystem::path& dir);

enum class SegmentDamage {
  kNone,
  kTornHeader,  // shorter than a header, or a zero-filled header: a crash while creating it
  kBadHeader,   // a whole header with the wrong magic, version or checksum
  kBadEntry,    // an entry that is cut short, over-long or fails its checksum
};

struct SegmentScan {
  uint64_t entries = 0;      // good entries passed to the callback
  uint64_t good_bytes = 0;   // offset just past the last good entry (0 with a bad header)
  SegmentDamage damage = SegmentDamage::kNone;
  const char* reason = "";   // what was wrong, for logs; "" when undamaged
};

// Calls fn with each good entry of one segment's bytes, in order, and stops at the first
// damage. An empty `data` (a zero-length file) is an undamaged segment without entries.
// The views passed to fn point into `data`.
SegmentScan scan_segment(std::string_view data, const std::function<void(std::string_view)>& fn);

// Replays `segments` (in the order given) into fn, repairing as docs/format/wal.md says: a
// damaged tail of the last segment is cut off (ftruncate + fsync); damage in an earlier segment,
// or a bad header anywhere, is logged and skipped but left on disk. Errors only for I/O failures.
Result<WalReplayStats> replay_segments(std::span<const SegmentFile> segments,
                                       const std::function<void(std::string_view)>& fn);

}  // namespace weft::storage
