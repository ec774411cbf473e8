// Helpers shared by the WAL tests: a scratch directory, synchronous append, replay into a
// vector, and raw file edits for simulating torn writes and corruption.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <string>
#include <vector>

#include "storage/wal/wal.h"
#include "storage/wal/wal_reader.h"

namespace weft::storage::testing {

// A fresh directory under the system temp dir, removed with everything in it at scope end.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "weft-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline Status append_and_wait(Wal& wal, std::string entry) {
  std::promise<Status> p;
  auto f = p.get_future();
  wal.append(std::move(entry), [&p](Status s) { p.set_value(std::move(s)); });
  return f.get();
}

inline WalOptions wal_options(const std::filesystem::path& dir) {
  WalOptions o;
  o.dir = dir;
  return o;
}

struct Replayed {
  std::vector<std::string> entries;
  WalReplayStats stats;
};

// Opens the WAL at `dir` and replays it (repairing as replay does); does not start a writer.
inline Replayed replay_all(const std::filesystem::path& dir, uint64_t from_sequence = 0) {
  Replayed out;
  auto wal = Wal::open(wal_options(dir));
  if (!wal.is_ok()) return out;
  auto stats = (*wal)->replay([&](std::string_view e) { out.entries.emplace_back(e); },
                              from_sequence);
  if (stats.is_ok()) out.stats = *stats;
  return out;
}

inline std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

inline std::vector<SegmentFile> segments_of(const std::filesystem::path& dir) {
  auto s = list_segments(dir);
  return s.is_ok() ? *s : std::vector<SegmentFile>{};
}

}  // namespace weft::storage::testing
