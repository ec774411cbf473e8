// Small whole-file records framed with a checksum line, replaced atomically: the MANIFEST, the
// DELETES file, a backup's SUMS file (docs/format/manifest.md, "MANIFEST").
//
// Framing: the text, then "xxh3:" and the 16 lowercase hex digits of XXH3-64 of the text, and
// a newline. The text must end with a newline (so the checksum line starts a line).
//
// Thread safety: free functions; callers serialize writers of one file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/fs/fs.h"

namespace weft::storage {

// `text` (ending with '\n') followed by its checksum line.
std::string frame_with_checksum(std::string text);
// The text before the checksum line; kCorruption naming `path` (prefixed by `what`) when the
// line is missing or does not match.
Result<std::string_view> unframe_checksum(std::string_view framed, const std::filesystem::path& path,
                                          std::string_view what);

// Writes `bytes` to `dir`/`temp_name`, syncs it, renames it over `dir`/`name` and syncs `dir`:
// a crash leaves the old or the new file, never a mix.
Status replace_file_atomically(Fs& fs, const std::filesystem::path& dir, std::string_view name,
                               std::string_view temp_name, std::string_view bytes);

// The whole file, or kNotFound.
Result<std::string> read_whole_file(Fs& fs, const std::filesystem::path& path);

}  // namespace weft::storage
