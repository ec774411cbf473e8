#include "storage/fs/dirs.h"

namespace weft::storage {

Status ensure_dirs(Fs& fs, const std::filesystem::path& root, const std::filesystem::path& dir) {
  std::filesystem::path current = root;
  for (const auto& component : dir.lexically_relative(root)) {
    if (component == "." || component.empty()) continue;
    if (component == "..") return Status::invalid(dir.string() + " is not inside " + root.string());
    std::filesystem::path next = current / component;
    Result<bool> exists = fs.exists(next);
    if (!exists.is_ok()) return exists.status();
    if (!*exists) {
      WEFT_RETURN_IF_ERROR(fs.create_dir(next));
      WEFT_RETURN_IF_ERROR(fs.sync_dir(current));
    }
    current = std::move(next);
  }
  return Status::ok();
}

}  // namespace weft::storage
