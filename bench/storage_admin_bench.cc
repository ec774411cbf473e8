// storage_admin_bench: the cost of delete requests on the read path, of carrying one out, and
// the speed of backup and restore. See docs/benchmarks.md ("Storage admin").
//
//   build/bench/storage_admin_bench [--records N] [--dir DIR] [--copy-dir DIR]
//
// Builds a store of N log records (20 services, bodies of ~60 bytes, times over one hour) in
// DIR (default: a new directory under $TMPDIR), flushed into parts of 100,000 records, then:
//   - full scans through storage::scan_logs with 0, 1 and 10 delete requests accepted;
//   - Store::maintain() carrying out one request that covers 1/20 of the records;
//   - Store::backup() into DIR (hard links) and into --copy-dir (default /dev/shm: another
//     filesystem, so files are copied), then restore_backup() of the copy.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <unistd.h>

#include "common/time.h"
#include "storage/backup/backup_restore.h"
#include "storage/engine/view_reads.h"
#include "storage/store.h"

namespace {

using namespace weft;
using namespace weft::storage;
using Clock = std::chrono::steady_clock;
namespace fsys = std::filesystem;

constexpr int kServices = 20;
constexpr UnixNanos kT0 = 1'795'000'000'000'000'000;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

LogBatch batch_of(int first, int n) {
  std::vector<ResourcePtr> resources;
  for (int s = 0; s < kServices; ++s) {
    auto r = std::make_shared<Resource>();
    r->attributes.push_back({"service.name", "service-" + std::to_string(s)});
    resources.push_back(r);
  }
  LogBatch batch{"bench", {}};
  for (int i = first; i < first + n; ++i) {
    LogRecord r;
    r.time_unix_nano = kT0 + static_cast<UnixNanos>(i) * 3'600'000'000'000 / 1'000'000;
    r.severity_number = 9;
    r.body = "request " + std::to_string(i * 7919 % 100003) + " served in " + std::to_string(i % 977) + " ms by worker";
    r.resource = resources[i % kServices];
    batch.records.push_back(std::move(r));
  }
  return batch;
}

void append(Store& store, LogBatch batch) {
  std::promise<Status> p;
  store.append_logs(std::move(batch), [&p](Status s) { p.set_value(s); });
  Status s = p.get_future().get();
  if (!s.is_ok()) {
    std::fprintf(stderr, "append: %s\n", s.to_string().c_str());
    std::exit(1);
  }
}

void scan(Store& store, const char* label) {
  auto t0 = Clock::now();
  uint64_t rows = 0;
  ScanOptions o;
  o.mask = ColumnMask::all();
  Status s = scan_logs(*store.view(), "bench", o, [&](const LogRecord&) { return ++rows; });
  double secs = seconds_since(t0);
  if (!s.is_ok()) std::exit(1);
  std::printf("scan, %-24s %9llu rows  %6.3f s  %6.2f M rows/s\n", label,
              static_cast<unsigned long long>(rows), secs, rows / secs / 1e6);
}

void add_request(Store& store, const std::string& query) {
  auto r = store.add_delete_request({"bench", part_format::Signal::kLogs, kT0, kT0 + 3'600'000'000'000, query});
  if (!r.is_ok()) std::exit(1);
}

uint64_t dir_bytes(const fsys::path& dir) {
  uint64_t n = 0;
  for (const auto& e : fsys::recursive_directory_iterator(dir))
    if (e.is_regular_file()) n += e.file_size();
  return n;
}

void backup(Store& store, const fsys::path& to, const char* label) {
  auto t0 = Clock::now();
  auto stats = store.backup(to);
  double secs = seconds_since(t0);
  if (!stats.is_ok()) {
    std::fprintf(stderr, "backup: %s\n", stats.status().to_string().c_str());
    std::exit(1);
  }
  std::printf("backup, %-22s %6.1f MB  %3llu parts  %6.3f s  %7.1f MB/s (%llu linked)\n", label,
              stats->bytes / 1e6, static_cast<unsigned long long>(stats->parts), secs,
              stats->bytes / secs / 1e6, static_cast<unsigned long long>(stats->linked_files));
}

}  // namespace

int main(int argc, char** argv) {
  int records = 1'000'000;
  fsys::path dir, copy_dir = "/dev/shm";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--records") records = std::atoi(argv[i + 1]);
    else if (flag == "--dir") dir = argv[i + 1];
    else if (flag == "--copy-dir") copy_dir = argv[i + 1];
  }
  if (dir.empty()) dir = fsys::temp_directory_path() / ("weft-admin-bench-" + std::to_string(::getpid()));
  copy_dir /= "weft-admin-bench-copy-" + std::to_string(::getpid());
  StoreOptions o;
  o.data_dir = dir / "data";
  o.maintenance_interval = std::chrono::hours(24);
  o.flush_interval = std::chrono::hours(24);
  o.retention.retention = std::chrono::seconds(0);
  auto opened = Store::open(o);
  if (!opened.is_ok()) return 1;
  auto store = std::move(opened).value();
  auto t0 = Clock::now();
  for (int i = 0; i < records; i += 10'000) {
    append(*store, batch_of(i, std::min(10'000, records - i)));
    if ((i + 10'000) % 100'000 == 0) (void)store->flush();
  }
  (void)store->flush();
  std::printf("load: %d records into %zu parts, %.1f MB, %.2f s\n", records, store->view()->parts.size(),
              dir_bytes(o.data_dir / "parts") / 1e6, seconds_since(t0));

  scan(*store, "no delete requests");
  add_request(*store, R"({service_name="service-3"})");
  scan(*store, "1 delete request");
  for (int s = 4; s < 13; ++s) add_request(*store, "{service_name=\"service-" + std::to_string(s) + "\"} |= \"worker 1\"");
  scan(*store, "10 delete requests");

  t0 = Clock::now();
  if (!store->maintain().is_ok()) return 1;
  auto requests = store->delete_requests();
  uint64_t deleted = 0;
  for (const auto& r : requests) deleted += r.rows_deleted;
  std::printf("maintain: 10 requests carried out (%llu rows removed; every part rewritten, then merged) in %.2f s\n",
              static_cast<unsigned long long>(deleted), seconds_since(t0));

  backup(*store, dir / "backup", "same filesystem");
  backup(*store, dir / "backup", "again (incremental)");
  backup(*store, copy_dir, ("copy to " + copy_dir.parent_path().string()).c_str());
  t0 = Clock::now();
  auto restored = restore_backup(copy_dir, dir / "restored", false);
  double secs = seconds_since(t0);
  if (!restored.is_ok()) return 1;
  std::printf("restore (verify + copy)        %6.1f MB  %6.3f s  %7.1f MB/s\n", restored->bytes / 1e6,
              secs, restored->bytes / secs / 1e6);
  store.reset();
  std::error_code ec;
  fsys::remove_all(dir, ec);
  fsys::remove_all(copy_dir, ec);
  return 0;
}
