// The apache replay source's parsing: one line of Apache's combined log format,
//   83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /path HTTP/1.1" 200 203023 "referer" "agent"
// split around its timestamp so the replay can put in a fresh one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"

namespace weft::loadgen {

struct ApacheLine {
  std::string before_time;  // `83.149.9.216 - - `
  std::string after_time;   // ` "GET /path HTTP/1.1" 200 203023 "referer" "agent"`
  UnixNanos time = 0;
  std::string method;  // "GET"
  std::string path;    // "/path"
  int status = 0;      // 200
};

// nullopt when the line is not in combined (or common) log format.
std::optional<ApacheLine> parse_apache_line(std::string_view line);

// "22/Nov/2026:06:20:21 +0000".
std::string format_apache_time(UnixNanos t);

}  // namespace weft::loadgen
