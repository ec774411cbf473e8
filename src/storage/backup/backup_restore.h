// restore_backup: makes a backup written by write_backup (backup_writer.h) the contents of a
// data directory (docs/operations.md, "Backup and restore").
//
// Nothing is made live before everything is verified: SUMS must be present and intact, every
// file it lists must have its size and XXH3-64, the MANIFEST must be listed and decode, and
// every part it names must have files in the list. Any failure is kCorruption naming the file
// ("backup damaged"), and the target is not touched. The target must be empty (or missing)
// unless `force`, which empties it first. Files are copied and synced, and the MANIFEST is
// written last: a restore interrupted before it leaves a directory that opens as an empty store
// (and that restore refuses without --force).
//
// Thread safety: nothing else may use `data_dir` meanwhile (the store must not be running).
#pragma once

#include <cstdint>
#include <filesystem>

#include "common/status.h"

namespace weft::storage {

struct RestoreStats {
  uint64_t parts = 0;
  uint64_t files = 0;
  uint64_t bytes = 0;
};

Result<RestoreStats> restore_backup(const std::filesystem::path& backup_dir,
                                    const std::filesystem::path& data_dir, bool force);

// Verifies a backup as restore_backup does, without writing anything.
Result<RestoreStats> verify_backup(const std::filesystem::path& backup_dir);

}  // namespace weft::storage
