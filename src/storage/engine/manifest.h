// Manifest: which parts are live, and from which WAL segment replay must start
// (docs/format/manifest.md; constants in engine_format.h).
//
// Everything durable that is not in the WAL is named by the manifest: a part directory that
// the manifest does not name is garbage (the output of a flush or merge that crashed before
// its manifest was written) and is removed when the store opens. Every WAL segment numbered
// below wal_replay_from holds only entries already in the manifest's parts.
//
// write_manifest() replaces the file atomically: MANIFEST.tmp is written and synced, renamed
// over MANIFEST, and the directory synced. A crash leaves either the old or the new manifest.
//
// Thread safety: plain values and free functions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "storage/fs/fs.h"
#include "storage/part/part_format.h"

namespace weft::storage {

struct ManifestPart {
  std::string dir;  // relative to the data directory: "parts/<tenant>/<day>/<name>"
  std::string tenant;
  int32_t day = 0;  // the partition: days since 1970-01-01 (UTC) of the rows' times
  part_format::Signal signal = part_format::Signal::kLogs;
  uint64_t rows = 0;
  uint64_t bytes = 0;
  UnixNanos min_time = 0;
  UnixNanos max_time = 0;

  bool operator==(const ManifestPart&) const = default;
};

struct Manifest {
  uint64_t generation = 0;       // +1 on every write
  uint64_t wal_replay_from = 0;  // the first WAL segment sequence replay must read
  uint64_t next_part_id = 1;     // numbers new part names, never reused
  std::vector<ManifestPart> parts;

  bool operator==(const Manifest&) const = default;
};

std::string encode_manifest(const Manifest& manifest);
// kCorruption naming `path` for anything but a manifest this version wrote.
Result<Manifest> decode_manifest(std::string_view text, const std::filesystem::path& path);

// The manifest of `data_dir`; an empty Manifest when there is none yet.
Result<Manifest> read_manifest(Fs& fs, const std::filesystem::path& data_dir);
// Atomically replaces the manifest of `data_dir` (see above).
Status write_manifest(Fs& fs, const std::filesystem::path& data_dir, const Manifest& manifest);

}  // namespace weft::storage
