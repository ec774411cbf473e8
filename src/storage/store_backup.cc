// Store::backup (see store.h and storage/backup/backup_writer.h).
#include "storage/engine/engine_format.h"
#include "storage/store_impl.h"

namespace weft::storage {

Result<BackupStats> Store::backup(const std::filesystem::path& dir) {
  // Holding maintain_mu keeps merges, retention and delete processing from removing a part
  // while it is being copied; flushes only add parts.
  std::lock_guard maintain_lock(impl_->maintain_mu);
  {
    std::lock_guard lock(impl_->flush_mu);
    if (impl_->closed) return Status::unavailable("the store is closed");
    WEFT_RETURN_IF_ERROR(impl_->flush_now());
  }
  BackupSource source;
  source.data_dir = impl_->options.data_dir;
  {
    std::lock_guard lock(impl_->manifest_mu);
    source.manifest = impl_->manifest;
  }
  {
    std::lock_guard lock(impl_->deletes_mu);
    if (!impl_->deletes.requests.empty()) source.deletes_file = encode_delete_log(impl_->deletes);
  }
  return write_backup(source, dir);
}

}  // namespace weft::storage
