// Wal: the write-ahead log. Acknowledged means on disk.
//
// Entries are opaque byte strings appended to segment files under <dir> (format in
// docs/format/wal.md, constants in wal_format.h). One writer thread drains every pending
// append into one write and one fdatasync (group commit), so concurrent requests share fsyncs.
//
// Durability: when an append's callback runs with an OK status, its entry has been written
// and fdatasync'ed (unless fsync is turned off in WalOptions). Callbacks run on the writer
// thread, in append order, after `on_durable` (see WalOptions) has seen the entries.
//
// Recovery: replay() reads every segment in order and verifies each entry's checksum. A torn
// or corrupt tail in the last segment is truncated away and reported; it never yields garbage.
//
// Thread safety: append() may be called from any thread; replay() only before start().
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::storage {

struct WalOptions {
  std::filesystem::path dir;
  bool fsync = true;
  uint64_t segment_bytes = 64ull << 20;  // start a new segment past this size
  // Bytes of appended-but-not-yet-durable entries past which append() answers
  // kResourceExhausted at once (backpressure).
  uint64_t max_pending_bytes = 256ull << 20;
};

struct WalReplayStats {
  uint64_t entries = 0;
  uint64_t segments = 0;
  uint64_t truncated_bytes = 0;  // bytes of a torn or corrupt tail that were cut away
};

class Wal {
 public:
  using Callback = std::function<void(Status)>;
  // Called on the writer thread with every entry of a group once it is durable, before the
  // group's callbacks run.
  using DurableHook = std::function<void(std::string_view entry)>;

  static Result<std::unique_ptr<Wal>> open(const WalOptions& options);
  ~Wal();  // stops the writer after draining pending appends

  // Calls fn with each valid entry in order; truncates a bad tail. Call once, before start().
  Result<WalReplayStats> replay(const std::function<void(std::string_view entry)>& fn);

  // Starts the writer thread. `on_durable` may be empty.
  void start(DurableHook on_durable);

  // Queues an entry. `done` runs exactly once: with OK once durable, or with an error
  // (kResourceExhausted when over max_pending_bytes, kUnavailable after stop(), kIoError).
  void append(std::string entry, Callback done);

  // Drains pending appends, fsyncs, and stops the writer thread. Idempotent.
  void stop();

  uint64_t pending_bytes() const;

 private:
  struct Impl;
  explicit Wal(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace weft::storage
