// The duration and byte-size notations LogQL accepts and prints.
//
//   Prometheus durations: "5m", "1h30m", "2d", "1w", "1y", "250ms" (whole numbers, units in
//   falling order) - ranges, steps, offsets.
//   Go durations: "1.5s", "300ms", "2h45m", "-1h", "10us" - label filter literals, values of
//   labels compared with duration filters, unwrap duration().
//   Byte sizes (go-humanize): "10KB" = 10000, "10KiB" = 10240, "3 MB", "42" - bytes filters
//   and unwrap bytes().
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::logql {

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;

Result<int64_t> parse_prometheus_duration(std::string_view text);
Result<int64_t> parse_go_duration(std::string_view text);
// Prometheus first, then Go (what Loki's lexer does for duration literals).
Result<int64_t> parse_duration_literal(std::string_view text);
Result<uint64_t> parse_bytes(std::string_view text);

// "1h30m", "2d", "0s" (Prometheus's model.Duration form; sub-millisecond parts dropped).
std::string format_prometheus_duration(int64_t nanos);
// "1h30m0s", "1.5s", "250ms", "0s" (Go's time.Duration form).
std::string format_go_duration(int64_t nanos);
// "20 MB", "1.5 kB", "10 B" (go-humanize's SI form).
std::string format_bytes_si(uint64_t bytes);

// A float in Go's strconv.FormatFloat(v, 'f', -1, 64) form: shortest exact digits, no
// exponent ("0.1", "100", "1e-07" -> "0.0000001").
std::string format_float_plain(double v);
// A float as Loki prints sample values (Go's FormatFloat(v, 'f', -1, 64)): "3.5", "0.1",
// "NaN", "+Inf", "-Inf".
std::string format_sample_value(double v);

}  // namespace weft::logql
