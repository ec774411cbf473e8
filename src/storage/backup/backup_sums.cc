#include "storage/backup/backup_sums.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <cinttypes>
#include <cstdio>
#include <memory>

#include "storage/engine/checksummed_file.h"

namespace weft::storage {

namespace {

constexpr size_t kChunkBytes = 1 << 20;

struct StateDeleter {
  void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
};

// Reads `path` chunk by chunk, handing each chunk to `sink`; returns the sum.
Result<FileSum> stream_file(Fs& fs, const std::filesystem::path& path,
                            const std::function<Status(std::string_view)>& sink) {
  auto file = fs.open(path);
  if (!file.is_ok()) return file.status();
  std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
  XXH3_64bits_reset(state.get());
  std::string chunk(kChunkBytes, '\0');
  uint64_t size = (*file)->size();
  for (uint64_t at = 0; at < size;) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kChunkBytes, size - at));
    WEFT_RETURN_IF_ERROR((*file)->read(at, n, chunk.data()));
    XXH3_64bits_update(state.get(), chunk.data(), n);
    if (sink) WEFT_RETURN_IF_ERROR(sink(std::string_view(chunk.data(), n)));
    at += n;
  }
  return FileSum{size, XXH3_64bits_digest(state.get())};
}

bool safe_relative(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.find('\0') != std::string_view::npos) return false;
  for (const auto& part : std::filesystem::path(p))
    if (part == ".." || part == ".") return false;
  return true;
}

}  // namespace

std::string encode_backup_sums(const BackupSums& sums) {
  std::string text;
  char hex[17];
  for (const auto& [path, sum] : sums) {
    std::snprintf(hex, sizeof hex, "%016" PRIx64, sum.xxh3);
    text += std::string(hex) + " " + std::to_string(sum.size) + " " + path + "\n";
  }
  return frame_with_checksum(std::move(text));
}

Result<BackupSums> decode_backup_sums(std::string_view text, const std::filesystem::path& path) {
  auto body = unframe_checksum(text, path, "backup checksum list");
  if (!body.is_ok()) return body.status();
  BackupSums sums;
  std::string_view rest = *body;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    size_t a = line.find(' '), b = line.find(' ', a + 1);
    FileSum sum;
    bool ok = a == 16 && b != std::string_view::npos;
    if (ok) ok = std::from_chars(line.data(), line.data() + a, sum.xxh3, 16).ec == std::errc();
    if (ok) ok = std::from_chars(line.data() + a + 1, line.data() + b, sum.size).ec == std::errc();
    std::string_view rel = ok ? line.substr(b + 1) : std::string_view();
    if (!ok || !safe_relative(rel))
      return Status::corruption("backup checksum list " + path.string() + ": bad line \"" +
                                std::string(line) + "\"");
    sums[std::string(rel)] = sum;
  }
  return sums;
}

Result<FileSum> sum_file(Fs& fs, const std::filesystem::path& path) { return stream_file(fs, path, {}); }

Result<FileSum> copy_file_durably(Fs& fs, const std::filesystem::path& from,
                                  const std::filesystem::path& to) {
  auto out = fs.create(to);
  if (!out.is_ok()) return out.status();
  auto sum = stream_file(fs, from, [&](std::string_view chunk) { return (*out)->append(chunk); });
  if (!sum.is_ok()) return sum.status();
  WEFT_RETURN_IF_ERROR((*out)->sync());
  return sum;
}

}  // namespace weft::storage
