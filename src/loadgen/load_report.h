// The summary of a `weft loadgen` run: human-readable lines, or one line of JSON for scripts.
#pragma once

#include <string>

#include "loadgen/loadgen_runner.h"

namespace weft::loadgen {

// Several lines: what was sent, records/s, MB/s, latency percentiles, refusals by HTTP status
// (non-2xx) or gRPC code (non-OK).
std::string format_report_text(const LoadgenReport& report);

// One line: {"protocol":"otlp-http","signal":"logs","source":"synthetic","seconds":10.0,
// "records":...,"records_per_s":...,"mb_per_s":...,"requests":...,"latency_ms":{"p50":...,
// "p90":...,"p99":...,"max":...},"non_2xx":{"429":3},"io_errors":0,...}; for otlp-grpc
// "non_ok":{"RESOURCE_EXHAUSTED":3} in place of "non_2xx".
std::string format_report_json(const LoadgenReport& report);

}  // namespace weft::loadgen
