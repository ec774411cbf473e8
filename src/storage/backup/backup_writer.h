// write_backup: writes a consistent snapshot of a store into a backup directory
// (docs/format/backup.md, docs/operations.md). The Store provides the snapshot (Store::backup:
// flushed, with merges and retention held off so the named parts stay on disk).
//
// The backup directory has the data directory's layout (MANIFEST, DELETES, parts/...) and a SUMS
// file. Part files are hard-linked when the backup is on the same filesystem (parts are
// immutable, so a link is a snapshot) and copied otherwise; every file is synced and
// checksummed. SUMS is removed first and written last, so an interrupted backup is recognisably
// incomplete. Incremental: a part file already in the backup with the size and sum SUMS gives
// is kept as it is; part directories the new manifest no longer names are removed at the end.
// The backup's manifest starts WAL replay at 0 (a backup has no WAL).
//
// Thread safety: one write_backup per backup directory at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/status.h"
#include "storage/engine/manifest.h"

namespace weft::storage {

struct BackupSource {
  std::filesystem::path data_dir;
  Manifest manifest;         // the parts to back up (relative to data_dir)
  std::string deletes_file;  // the DELETES file's bytes; "" when there is none
};

struct BackupStats {
  uint64_t parts = 0;
  uint64_t files = 0;         // files written or kept, SUMS excluded
  uint64_t bytes = 0;         // their total size
  uint64_t linked_files = 0;  // hard-linked rather than copied
  uint64_t reused_files = 0;  // already in the backup (incremental)
};

Result<BackupStats> write_backup(const BackupSource& source, const std::filesystem::path& dir);

}  // namespace weft::storage
