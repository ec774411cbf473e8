// ensure_dirs: mkdir -p through the Fs seam, durably.
#pragma once

#include <filesystem>

#include "common/status.h"
#include "storage/fs/fs.h"

namespace weft::storage {

// Creates every missing directory from `root` (which must exist) down to `dir` (inside root),
// syncing each new directory's parent so the new entries survive a crash.
Status ensure_dirs(Fs& fs, const std::filesystem::path& root, const std::filesystem::path& dir);

}  // namespace weft::storage
