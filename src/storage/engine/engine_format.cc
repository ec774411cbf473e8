#include "storage/engine/engine_format.h"

#include <chrono>
#include <cinttypes>
#include <cstdio>

namespace weft::storage::engine_format {

int32_t day_of(UnixNanos t) {
  int64_t day = t / kNanosPerDay;
  if (t % kNanosPerDay < 0) --day;  // floor for times before the epoch
  return static_cast<int32_t>(day);
}

std::string day_name(int32_t day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string part_name(part_format::Signal signal, uint64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%010" PRIu64, id);
  return std::string(part_format::signal_name(signal)) + buf;
}

std::string part_dir(std::string_view tenant, int32_t day, part_format::Signal signal, uint64_t id) {
  return std::string(kPartsDir) + "/" + std::string(tenant) + "/" + day_name(day) + "/" +
         part_name(signal, id);
}

}  // namespace weft::storage::engine_format
