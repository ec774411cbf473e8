// Wal: the write-ahead log. Acknowledged means on disk.
//
// Entries are opaque, non-empty byte strings appended to segment files under <dir> (format in
// docs/format/wal.md, constants in wal_format.h). One writer thread takes every pending append
// at once, writes them with one writev and makes them durable with one fdatasync (group
// commit), so concurrent requests share fsyncs.
//
// Durability: when an append's callback runs with an OK status, its entry has been written
// and fdatasync'ed (unless fsync is turned off in WalOptions). OK callbacks run on the writer
// thread, in append order, after the DurableHook has seen the group's entries. A callback that
// reports an I/O error is not a promise that the entry is absent: after a failed fdatasync it
// may still reach the disk and come back at replay (at-least-once, like any WAL).
//
// Refusals (kInvalidArgument, kTooLarge, kResourceExhausted, kUnavailable) are reported by
// running the callback on the calling thread, before append() returns.
//
// Recovery: replay() reads every segment in order and verifies each entry's checksum. A torn
// or corrupt tail in the last segment is truncated away and reported; damage elsewhere is
// logged and skipped (docs/format/wal.md, "Recovery"). It never yields garbage. The writer
// never appends to a segment that existed before start(): it begins a new one.
//
// Checkpoints: cut() closes the current segment between two groups and tells the caller the
// sequence number of the next segment, so everything appended before the cut lies in lower
// segments. Once the caller has made that data durable elsewhere (flushed into parts), it
// calls remove_segments_before() with that number, and replay() skips lower segments.
//
// Lifecycle: open() -> [replay()] -> start() -> (append() | cut())* -> stop() (or the
// destructor).
// Thread safety: append(), pending_bytes() and stop() may be called from any thread;
// replay() and start() from one thread, before any append().
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/fs/fs.h"

namespace weft::storage {

struct WalOptions {
  std::filesystem::path dir;
  bool fsync = true;
  uint64_t segment_bytes = 64ull << 20;  // start a new segment past this size
  // Bytes of accepted entries whose callbacks have not run yet (framing included) past which
  // append() answers kResourceExhausted at once (backpressure).
  uint64_t max_pending_bytes = 256ull << 20;
  // The filesystem the writer goes through; null means the real one. Tests inject faults here.
  std::shared_ptr<Fs> fs;
};

struct WalReplayStats {
  uint64_t entries = 0;
  uint64_t segments = 0;
  uint64_t truncated_bytes = 0;  // bytes of a torn or corrupt tail that were cut away
  uint64_t skipped_bytes = 0;    // unreadable bytes of earlier segments, skipped but kept
  uint64_t corrupt_segments = 0; // segments with skipped bytes
};

class Wal {
 public:
  using Callback = std::function<void(Status)>;
  // Called on the writer thread with every entry of a group once it is durable, before the
  // group's callbacks run.
  using DurableHook = std::function<void(std::string_view entry)>;
  // Gets the first segment sequence after a cut, or why the cut failed.
  using CutCallback = std::function<void(Result<uint64_t> next_sequence)>;

  static Result<std::unique_ptr<Wal>> open(const WalOptions& options);
  ~Wal();  // stops the writer after draining pending appends

  // Calls fn with each valid entry of the segments numbered from_sequence and up, in order;
  // truncates a bad tail. Call once, before start(). The view passed to fn is valid during
  // the call only. Errors only for I/O failures.
  Result<WalReplayStats> replay(const std::function<void(std::string_view entry)>& fn,
                                uint64_t from_sequence = 0);

  // Starts the writer thread. Call once. `on_durable` may be empty.
  void start(DurableHook on_durable);

  // Queues an entry. `done` runs exactly once: with OK once durable, or with an error
  // (kInvalidArgument when empty, kTooLarge over wal_format::kMaxEntryBytes, kResourceExhausted
  // when over max_pending_bytes, kUnavailable after stop(), kIoError). Appends made before
  // start() wait for it.
  void append(std::string entry, Callback done);

  // Queues a cut: on the writer thread, after every entry appended before this call has been
  // written and had its callback run, and before any entry appended after it is written, the
  // current segment is closed and `at_cut` runs with the sequence number the next segment
  // will get. kUnavailable after stop().
  void cut(CutCallback at_cut);

  // Deletes the segment files numbered below `sequence` (a number cut() gave). Any thread.
  Status remove_segments_before(uint64_t sequence);

  // Drains pending appends, fsyncs, and stops the writer thread. Idempotent. Appends queued
  // when the writer was never started get kUnavailable.
  void stop();

  // Bytes of accepted entries whose callbacks have not run yet, framing included.
  uint64_t pending_bytes() const;

 private:
  struct Impl;
  explicit Wal(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::storage
