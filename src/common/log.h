// weft's own logs: one logfmt line per event on stderr.
//
//   ts=2026-11-22T10:04:05.123456789Z level=info msg="wal replayed" records=1200 segments=2
//
// Thread-safe: each line is written with one write call.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace weft::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// A key and its value already turned into text.
struct Field {
  std::string_view key;
  std::string value;
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  template <typename N, typename = std::enable_if_t<std::is_arithmetic_v<N>>>
  Field(std::string_view k, N n) : key(k), value(std::to_string(n)) {}
};

void set_min_level(Level level);
void write(Level level, std::string_view msg, std::initializer_list<Field> fields = {});

inline void debug(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::kDebug, m, f); }
inline void info(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::kInfo, m, f); }
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::kWarn, m, f); }
inline void error(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::kError, m, f); }

// Formats one logfmt line (without the trailing newline); exposed for tests.
std::string format_line(std::string_view ts, Level level, std::string_view msg,
                        std::initializer_list<Field> fields);

}  // namespace weft::log
