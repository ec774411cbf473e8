#include "server/api/process_stats.h"

#include <unistd.h>

#include <fstream>

namespace weft::server::api {

std::optional<uint64_t> resident_memory_bytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size_pages = 0, resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return std::nullopt;
  long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0) return std::nullopt;
  return resident_pages * static_cast<uint64_t>(page_size);
}

}  // namespace weft::server::api
