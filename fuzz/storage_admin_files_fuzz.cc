// libFuzzer target: the DELETES file and a backup's SUMS file (docs/format/deletes.md,
// docs/format/backup.md). The input is framed with a valid checksum line first, so the fuzzer
// reaches the JSON and line parsers. Decoding never crashes; a decoded file encodes and decodes
// again to the same content; SUMS never yields a path that leaves the backup.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "storage/backup/backup_sums.h"
#include "storage/deletes/delete_log.h"
#include "storage/engine/checksummed_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weft::storage;
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.empty() || text.back() != '\n') text += '\n';
  std::string framed = frame_with_checksum(text);
  if (auto log = decode_delete_log(framed, "DELETES"); log.is_ok()) {
    auto again = decode_delete_log(encode_delete_log(*log), "DELETES");
    if (!again.is_ok() || again->requests.size() != log->requests.size()) __builtin_trap();
    for (size_t i = 0; i < log->requests.size(); ++i)
      if (again->requests[i].query != log->requests[i].query) __builtin_trap();
  }
  if (auto sums = decode_backup_sums(framed, "SUMS"); sums.is_ok()) {
    for (const auto& [path, sum] : *sums) {
      if (path.empty() || path[0] == '/' || path.find('\0') != std::string::npos) __builtin_trap();
      for (const auto& part : std::filesystem::path(path))
        if (part == ".." || part == ".") __builtin_trap();
    }
    auto again = decode_backup_sums(encode_backup_sums(*sums), "SUMS");
    if (!again.is_ok() || *again != *sums) __builtin_trap();
  }
  return 0;
}
