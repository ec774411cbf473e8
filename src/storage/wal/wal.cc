#include "storage/wal/wal.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "common/log.h"
#include "common/metrics.h"
#include "storage/wal/wal_format.h"
#include "storage/wal/wal_reader.h"
#include "storage/wal/wal_segment_writer.h"

namespace weft::storage {

namespace wf = wal_format;

namespace {

// An entry to append, or (with `cut` set and no entry) a cut marker.
struct PendingEntry {
  wf::EntryHeader header;  // framing, computed by the appending thread
  std::string entry;
  Wal::Callback done;
  Wal::CutCallback cut;
};

std::vector<double> group_size_buckets() { return {1, 2, 4, 8, 16, 32, 64, 128, 256}; }

}  // namespace

struct Wal::Impl {
  Impl(const WalOptions& o, std::vector<SegmentFile> segs)
      : options(o),
        segments(std::move(segs)),
        writer(o.fs ? o.fs : posix_fs(), o.dir,
               segments.empty() ? wf::kFirstSegment : segments.back().sequence + 1,
               o.segment_bytes, o.fsync),
        group_entries(MetricsRegistry::global().histogram(
            "weft_wal_group_commit_entries", "Entries made durable together by one WAL write.",
            group_size_buckets())),
        entries_total(MetricsRegistry::global().counter(
            "weft_wal_entries_total", "Entries appended to the WAL.")) {}

  Status admit_locked(size_t entry_size);  // REQUIRES: mu held
  void run();
  void write_queued(std::vector<PendingEntry>& queued);
  void commit(std::span<PendingEntry> group);
  void fail_queued(const Status& s);

  const WalOptions options;
  const std::vector<SegmentFile> segments;  // as found by open(), for replay()
  WalSegmentWriter writer;                  // used by the writer thread only
  DurableHook on_durable;                   // set by start(), then read by the writer only
  std::thread thread;
  std::mutex stop_mu;  // serializes stop()

  std::mutex mu;
  std::condition_variable wake;
  std::vector<PendingEntry> queue;       // guarded by mu
  bool stopping = false;                 // guarded by mu
  std::atomic<uint64_t> pending_bytes{0};  // grows under mu; shrinks on the writer thread

  Histogram& group_entries;
  Counter& entries_total;
};

Result<std::unique_ptr<Wal>> Wal::open(const WalOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.dir, ec);
  if (ec) return Status::io_error("create " + options.dir.string() + ": " + ec.message());
  Result<std::vector<SegmentFile>> segments = list_segments(options.dir);
  if (!segments.is_ok()) return segments.status();
  auto impl = std::make_unique<Impl>(options, std::move(segments).value());
  return std::unique_ptr<Wal>(new Wal(std::move(impl)));
}

Wal::Wal(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Wal::~Wal() { stop(); }

Result<WalReplayStats> Wal::replay(const std::function<void(std::string_view entry)>& fn,
                                   uint64_t from_sequence) {
  std::span<const SegmentFile> segments = impl_->segments;
  while (!segments.empty() && segments.front().sequence < from_sequence)
    segments = segments.subspan(1);
  Result<WalReplayStats> stats = replay_segments(segments, fn);
  if (stats.is_ok()) {
    log::info("wal replayed", {{"entries", stats->entries}, {"segments", stats->segments},
                               {"truncated_bytes", stats->truncated_bytes},
                               {"skipped_bytes", stats->skipped_bytes}});
  }
  return stats;
}

void Wal::start(DurableHook on_durable) {
  impl_->on_durable = std::move(on_durable);
  impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

void Wal::append(std::string entry, Callback done) {
  if (entry.empty()) return done(Status::invalid("empty wal entry"));
  if (entry.size() > wf::kMaxEntryBytes)
    return done(Status::too_large("wal entry of " + std::to_string(entry.size()) + " bytes"));
  wf::EntryHeader header = wf::encode_entry_header(entry);
  Status refused;
  {
    std::lock_guard lock(impl_->mu);
    refused = impl_->admit_locked(entry.size());
    if (refused.is_ok()) {
      impl_->queue.push_back({header, std::move(entry), std::move(done), {}});
      if (impl_->queue.size() == 1) impl_->wake.notify_one();
      return;
    }
  }
  done(std::move(refused));
}

// Reserves room for an entry in the pending bytes, or says why not.
Status Wal::Impl::admit_locked(size_t entry_size) {
  uint64_t bytes = entry_size + wf::kEntryHeaderSize;
  if (stopping) return Status::unavailable("wal is stopped");
  uint64_t pending = pending_bytes.load(std::memory_order_relaxed);
  if (pending + bytes > options.max_pending_bytes) {
    return Status::exhausted("wal has " + std::to_string(pending) +
                             " bytes pending, over the limit of " +
                             std::to_string(options.max_pending_bytes));
  }
  pending_bytes.fetch_add(bytes, std::memory_order_relaxed);
  return Status::ok();
}

void Wal::cut(CutCallback at_cut) {
  {
    std::lock_guard lock(impl_->mu);
    if (!impl_->stopping) {
      impl_->queue.push_back({{}, {}, {}, std::move(at_cut)});
      if (impl_->queue.size() == 1) impl_->wake.notify_one();
      return;
    }
  }
  at_cut(Status::unavailable("wal is stopped"));
}

Status Wal::remove_segments_before(uint64_t sequence) {
  Result<std::vector<SegmentFile>> segments = list_segments(impl_->options.dir);
  if (!segments.is_ok()) return segments.status();
  Fs& fs = impl_->options.fs ? *impl_->options.fs : *posix_fs();
  bool removed = false;
  for (const SegmentFile& segment : *segments) {
    if (segment.sequence >= sequence) break;
    WEFT_RETURN_IF_ERROR(fs.remove_all(segment.path));
    removed = true;
  }
  if (removed && impl_->options.fsync) return fs.sync_dir(impl_->options.dir);
  return Status::ok();
}

void Wal::stop() {
  std::lock_guard stop_lock(impl_->stop_mu);
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  if (impl_->thread.joinable()) {
    impl_->thread.join();
  } else {
    impl_->fail_queued(Status::unavailable("wal stopped before it was started"));
  }
}

uint64_t Wal::pending_bytes() const { return impl_->pending_bytes.load(std::memory_order_relaxed); }

void Wal::Impl::run() {
  std::vector<PendingEntry> group;
  for (;;) {
    {
      std::unique_lock lock(mu);
      wake.wait(lock, [&] { return !queue.empty() || stopping; });
      if (queue.empty()) break;  // stopping, and everything is written
      group.swap(queue);
    }
    write_queued(group);
    group.clear();
  }
  Status closed = writer.close();
  if (!closed.is_ok()) log::error("wal close failed", {{"error", closed.message()}});
}

// Commits the queued entries as one group, or as one group on each side of a cut marker.
void Wal::Impl::write_queued(std::vector<PendingEntry>& queued) {
  size_t begin = 0;
  for (size_t i = 0; i < queued.size(); ++i) {
    if (!queued[i].cut) continue;
    if (i > begin) commit(std::span(queued).subspan(begin, i - begin));
    queued[i].cut(writer.roll());
    begin = i + 1;
  }
  if (begin < queued.size()) commit(std::span(queued).subspan(begin));
}

void Wal::Impl::commit(std::span<PendingEntry> group) {
  std::vector<iovec> parts;
  parts.reserve(group.size() * 2);
  uint64_t bytes = 0;
  for (PendingEntry& p : group) {
    parts.push_back({p.header.data(), p.header.size()});
    parts.push_back({p.entry.data(), p.entry.size()});
    bytes += p.header.size() + p.entry.size();
  }
  Status s = writer.write_group(parts, bytes);
  group_entries.observe(static_cast<double>(group.size()));
  if (s.is_ok()) {
    entries_total.add(group.size());
    if (on_durable)
      for (const PendingEntry& p : group) on_durable(p.entry);
  } else {
    log::error("wal append failed", {{"entries", group.size()}, {"error", s.message()}});
  }
  for (PendingEntry& p : group) p.done(s);
  pending_bytes.fetch_sub(bytes, std::memory_order_relaxed);
}

void Wal::Impl::fail_queued(const Status& s) {
  std::vector<PendingEntry> orphans;
  {
    std::lock_guard lock(mu);
    orphans.swap(queue);
  }
  for (PendingEntry& p : orphans) {
    if (p.cut) {
      p.cut(s);
      continue;
    }
    pending_bytes.fetch_sub(p.header.size() + p.entry.size(), std::memory_order_relaxed);
    p.done(s);
  }
}

}  // namespace weft::storage
