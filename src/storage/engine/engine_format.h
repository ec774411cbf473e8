// Storage engine layout: the names and constants of docs/format/manifest.md, in one place.
//
//   <data_dir>/MANIFEST                       the live parts and the WAL replay start (JSON +
//                                             checksum line)
//   <data_dir>/MANIFEST.tmp                   a manifest being written (garbage after a crash)
//   <data_dir>/wal/                           WAL segments (docs/format/wal.md)
//   <data_dir>/parts/<tenant>/<day>/<name>/   one part (docs/format/part.md); <day> is
//                                             YYYY-MM-DD (UTC), <name> "<signal>-<id>"
//   <data_dir>/quarantine/                    parts found corrupt, moved aside for inspection
//   <data_dir>/DELETES                        accepted delete requests (JSON + checksum line)
//   <data_dir>/DELETES.tmp                    the same being written (garbage after a crash)
//
// Thread safety: constants and pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/time.h"
#include "storage/part/part_format.h"

namespace weft::storage::engine_format {

inline constexpr std::string_view kManifestFile = "MANIFEST";
inline constexpr std::string_view kManifestTempFile = "MANIFEST.tmp";
inline constexpr std::string_view kManifestFormat = "weft-manifest";
inline constexpr uint64_t kManifestVersion = 1;
inline constexpr std::string_view kChecksumPrefix = "xxh3:";
inline constexpr std::string_view kWalDir = "wal";
inline constexpr std::string_view kPartsDir = "parts";
inline constexpr std::string_view kQuarantineDir = "quarantine";
// Accepted delete requests (docs/format/deletes.md).
inline constexpr std::string_view kDeletesFile = "DELETES";
inline constexpr std::string_view kDeletesTempFile = "DELETES.tmp";
inline constexpr std::string_view kDeletesFormat = "weft-deletes";
inline constexpr uint64_t kDeletesVersion = 1;

inline constexpr int64_t kNanosPerDay = 86'400'000'000'000;

// The partition day of a time: days since 1970-01-01 UTC (negative before it).
int32_t day_of(UnixNanos t);
// "2026-11-22"
std::string day_name(int32_t day);
// "logs-0000000042"
std::string part_name(part_format::Signal signal, uint64_t id);
// "parts/<tenant>/<day>/<name>"
std::string part_dir(std::string_view tenant, int32_t day, part_format::Signal signal, uint64_t id);

}  // namespace weft::storage::engine_format
