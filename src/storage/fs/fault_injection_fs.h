// FaultInjectionFs: an Fs over the real filesystem that fails operations on demand and
// simulates a power cut, for crash tests of everything that writes through the Fs seam (the
// WAL, part writing, and whatever builds on them).
//
// It remembers what is not yet durable, following the contract in fs.h:
//   - per file created through it, how many bytes were appended and how many were synced;
//   - every directory entry made (create, create_dir, rename) until sync_dir() of the directory
//     that holds it (a rename counts as an entry of the destination's directory).
// crash() then does what losing power would: every file keeps only its synced bytes (plus,
// optionally, a torn prefix of the unsynced ones), and every entry that was not durable is
// undone, newest first (a created file or directory disappears with its content, a rename is
// reversed and a file it replaced comes back). This is the pessimistic outcome: a real disk may
// keep more, never less.
//
// Faults:
//   - fail_writes(n): the next n appends write half their bytes, then fail (a torn write);
//   - fail_syncs(n): the next n file syncs fail and sync nothing;
//   - power_cut_at_sync(n): the n-th file sync from now (0 = the next) and every mutating
//     operation after it fail without touching the disk ("the power went out");
//   - power_cut_after_ops(n): the same, at the n-th mutating operation from now. Mutating
//     operations are create, append, sync, truncate, sync_dir, create_dir, rename and
//     remove_all; mutating_ops() counts them, so a test can run a procedure once to count its
//     steps and then cut the power at each step in turn.
// After crash() the filesystem is alive again, with nothing pending.
//
// Limitations: remove_all() is treated as immediately durable; reads are not faulted.
// Thread safety: every method may be called from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "storage/fs/fs.h"

namespace weft::storage {

class FaultInjectionFs final : public Fs {
 public:
  FaultInjectionFs();

  void fail_writes(int n) { fail_writes_ = n; }
  void fail_syncs(int n) { fail_syncs_ = n; }
  void power_cut_at_sync(int n) { syncs_until_cut_ = n; }
  void power_cut_after_ops(int64_t n) { ops_until_cut_ = n; }
  bool dead() const { return dead_; }
  uint64_t mutating_ops() const { return ops_; }

  // The power cut: drops every non-durable byte and directory entry (see above), keeping the
  // first `keep_unsynced_bytes` unsynced bytes of each file. Then the filesystem works again.
  void crash(uint64_t keep_unsynced_bytes = 0);

  Result<std::unique_ptr<WritableFile>> create(const std::filesystem::path& path) override;
  Result<std::unique_ptr<ReadableFile>> open(const std::filesystem::path& path) override;
  Status sync_dir(const std::filesystem::path& dir) override;
  Status create_dir(const std::filesystem::path& path) override;
  Status rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
  Status remove_all(const std::filesystem::path& path) override;
  Result<bool> exists(const std::filesystem::path& path) override;
  Result<std::vector<std::string>> list_dir(const std::filesystem::path& dir) override;

 private:
  friend class FaultWritableFile;

  struct FileState {
    uint64_t size = 0;
    uint64_t synced = 0;
  };
  // A directory entry that is not durable yet.
  struct PendingEntry {
    enum class Kind { kCreateFile, kCreateDir, kRename } kind;
    std::filesystem::path dir;   // the directory whose sync makes it durable
    std::filesystem::path path;  // the new entry
    std::filesystem::path from;  // kRename: the old name
    std::optional<std::string> replaced_file;  // kRename: content of a file it replaced
    bool replaced_dir = false;                  // kRename: it replaced an empty directory
  };

  // Counts a mutating operation; an error once the power is out.
  Status gate(bool is_file_sync = false);
  void remap_locked(const std::filesystem::path& from, const std::filesystem::path& to);
  void undo_locked(PendingEntry e);  // by value: undoing remaps the pending entries
  void note_append(uint64_t id, uint64_t bytes);
  void note_sync(uint64_t id);
  void note_truncate(uint64_t id, uint64_t size);

  std::shared_ptr<Fs> real_;
  std::atomic<int> fail_writes_{0};
  std::atomic<int> fail_syncs_{0};
  std::atomic<int> syncs_until_cut_{-1};
  std::atomic<int64_t> ops_until_cut_{-1};
  std::atomic<bool> dead_{false};
  std::atomic<uint64_t> ops_{0};

  std::mutex mu_;
  uint64_t next_id_ = 1;                                // guarded by mu_
  std::map<std::filesystem::path, uint64_t> file_ids_;  // guarded by mu_: current path -> id
  std::unordered_map<uint64_t, FileState> files_;       // guarded by mu_
  std::vector<PendingEntry> pending_;                   // guarded by mu_: oldest first
};

}  // namespace weft::storage
