// A backup's SUMS file: the size and XXH3-64 of every file of the backup (docs/format/backup.md),
// and the streaming checksum and copy used to write and verify it.
//
// SUMS is written last, atomically: a backup directory without a valid SUMS is incomplete and
// restore refuses it. One line per file, "<16 hex xxh3> <size> <path relative to the backup>",
// then the checksum line of checksummed_file.h.
//
// Thread safety: plain values and free functions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "common/status.h"
#include "storage/fs/fs.h"

namespace weft::storage {

inline constexpr std::string_view kBackupSumsFile = "SUMS";
inline constexpr std::string_view kBackupSumsTempFile = "SUMS.tmp";

struct FileSum {
  uint64_t size = 0;
  uint64_t xxh3 = 0;
  bool operator==(const FileSum&) const = default;
};

using BackupSums = std::map<std::string, FileSum>;  // relative path -> sum

std::string encode_backup_sums(const BackupSums& sums);
// kCorruption naming `path` for a damaged or malformed file; relative paths that leave the
// backup ("..", absolute) are refused as corrupt too.
Result<BackupSums> decode_backup_sums(std::string_view text, const std::filesystem::path& path);

// The sum of a file, read in 1 MiB chunks.
Result<FileSum> sum_file(Fs& fs, const std::filesystem::path& path);
// Copies `from` to the new file `to` (which must not exist), syncs it, and returns the sum of
// the bytes copied.
Result<FileSum> copy_file_durably(Fs& fs, const std::filesystem::path& from,
                                  const std::filesystem::path& to);

}  // namespace weft::storage
