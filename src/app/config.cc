// The settings table: each setting's key, description, default, bounds and parser.
#include "app/config.h"

#include <charconv>

namespace weft::app {

namespace {

using Apply = std::function<Status(Config&, std::string_view)>;

Status setting_error(std::string_view key, const std::string& expected, std::string_view got) {
  return Status::invalid(std::string(key) + ": expected " + expected + ", got \"" +
                         std::string(got) + "\"");
}

std::string size_text(uint64_t bytes) {
  if (bytes == 0) return "0";
  if (bytes % (1ull << 30) == 0) return std::to_string(bytes >> 30) + "GiB";
  if (bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20) + "MiB";
  if (bytes % (1ull << 10) == 0) return std::to_string(bytes >> 10) + "KiB";
  return std::to_string(bytes);
}

Setting size_setting(std::string key, std::string description, uint64_t Config::*field,
                     uint64_t min, uint64_t max) {
  std::string expected = "a size from " + size_text(min) + " to " + size_text(max);
  Apply apply = [key, expected, field, min, max](Config& c, std::string_view text) -> Status {
    auto v = parse_size(text);
    if (!v.is_ok() || *v < min || *v > max) return setting_error(key, expected, text);
    c.*field = *v;
    return Status::ok();
  };
  return {key, std::move(description), size_text(Config{}.*field), expected, apply};
}

template <typename Int>
Setting int_setting(std::string key, std::string description, Int Config::*field, int64_t min,
                    int64_t max) {
  std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  Apply apply = [key, expected, field, min, max](Config& c, std::string_view text) -> Status {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || v < min || v > max)
      return setting_error(key, expected, text);
    c.*field = static_cast<Int>(v);
    return Status::ok();
  };
  return {key, std::move(description), std::to_string(Config{}.*field), expected, apply};
}

Setting bool_setting(std::string key, std::string description, bool Config::*field) {
  Apply apply = [key, field](Config& c, std::string_view text) -> Status {
    if (text == "true") c.*field = true;
    else if (text == "false") c.*field = false;
    else return setting_error(key, "true or false", text);
    return Status::ok();
  };
  return {key, std::move(description), Config{}.*field ? "true" : "false", "true or false", apply};
}

Setting address_setting(std::string key, std::string description, std::string Config::*field) {
  std::string expected = "host:port (port 0-65535), or \"\" to disable";
  Apply apply = [key, expected, field](Config& c, std::string_view text) -> Status {
    if (!validate_listen_address(text).is_ok()) return setting_error(key, expected, text);
    c.*field = std::string(text);
    return Status::ok();
  };
  return {key, std::move(description), Config{}.*field, expected, apply};
}

Setting data_dir_setting() {
  Apply apply = [](Config& c, std::string_view text) -> Status {
    if (text.empty()) return setting_error("data_dir", "a directory path", text);
    c.data_dir = std::string(text);
    return Status::ok();
  };
  return {"data_dir", "Directory of the write-ahead log and all stored data; created if missing.",
          Config{}.data_dir, "a directory path", apply};
}

Setting log_level_setting() {
  Apply apply = [](Config& c, std::string_view text) -> Status {
    if (text != "debug" && text != "info" && text != "warn" && text != "error")
      return setting_error("log_level", "debug, info, warn or error", text);
    c.log_level = std::string(text);
    return Status::ok();
  };
  return {"log_level", "Lowest level of weft's own logs (logfmt on stderr).", Config{}.log_level,
          "debug, info, warn or error", apply};
}

std::string duration_text(std::chrono::milliseconds d) {
  int64_t ms = d.count();
  if (ms == 0) return "0s";
  if (ms % 3'600'000 == 0) return std::to_string(ms / 3'600'000) + "h";
  if (ms % 60'000 == 0) return std::to_string(ms / 60'000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

Setting duration_setting(std::string key, std::string description,
                         std::chrono::milliseconds Config::*field, std::chrono::milliseconds min,
                         std::chrono::milliseconds max) {
  std::string expected = "a duration from " + duration_text(min) + " to " + duration_text(max);
  Apply apply = [key, expected, field, min, max](Config& c, std::string_view text) -> Status {
    auto d = parse_duration(text);
    if (!d.is_ok() || *d < min || *d > max) return setting_error(key, expected, text);
    c.*field = *d;
    return Status::ok();
  };
  return {key, std::move(description), duration_text(Config{}.*field), expected, apply};
}

std::vector<Setting> make_settings() {
  return {
      data_dir_setting(),
      address_setting("listen", "Main HTTP listener: native API, OTLP/HTTP, Loki push, /metrics, /ready.",
                      &Config::listen),
      address_setting("otlp_http_listen",
                      "OTLP/HTTP listener (the OpenTelemetry SDKs' default port); serves the "
                      "same routes as `listen`.",
                      &Config::otlp_http_listen),
      address_setting("otlp_grpc_listen",
                      "OTLP/gRPC listener (the OpenTelemetry SDKs' default gRPC port): the logs "
                      "and trace Export services.",
                      &Config::otlp_grpc_listen),
      int_setting("http_threads", "Threads serving HTTP; 0 means one per CPU core.",
                  &Config::http_threads, 0, 256),
      log_level_setting(),
      size_setting("limits.max_request_bytes",
                   "Largest request body or gRPC message accepted, before and after gzip "
                   "decompression; larger ones get 413 (gRPC: RESOURCE_EXHAUSTED).",
                   &Config::max_request_bytes, 1ull << 10, 1ull << 30),
      size_setting("limits.memory_budget_bytes",
                   "Memory the memtables (records not yet flushed to disk) and the write-ahead "
                   "log's queue may hold; past it ingest answers 429 (backpressure) until a "
                   "flush frees memory.",
                   &Config::memory_budget_bytes, 16ull << 20, 1ull << 40),
      size_setting("storage.memtable_flush_bytes",
                   "Flush the active memtable into parts once it holds this much.",
                   &Config::memtable_flush_bytes, 1ull << 20, 1ull << 40),
      duration_setting("storage.flush_interval",
                       "Flush a non-empty memtable into parts at least this often.",
                       &Config::flush_interval, std::chrono::milliseconds(100),
                       std::chrono::hours(1)),
      int_setting("query.max_limit", "Largest `limit` a query may ask for.",
                  &Config::query_max_limit, 1, 1'000'000),
      int_setting("query.traceql_max_spans",
                  "Most spans one TraceQL search, metrics or tag query may gather before it is "
                  "refused as too broad (bounds its memory).",
                  &Config::query_traceql_max_spans, 1000, 100'000'000),
      bool_setting("wal.fsync",
                   "fdatasync the write-ahead log before acknowledging. Turning it off "
                   "risks losing acknowledged data on power loss.",
                   &Config::wal_fsync),
      size_setting("wal.segment_bytes", "Size at which the write-ahead log starts a new segment.",
                   &Config::wal_segment_bytes, 1ull << 20, 4ull << 30),
      size_setting("wal.max_pending_bytes",
                   "Bytes waiting for the write-ahead log past which ingest answers 429.",
                   &Config::wal_max_pending_bytes, 1ull << 20, 16ull << 30),
      duration_setting(
          "shutdown_timeout",
          "On SIGTERM/SIGINT, how long in-flight requests may take before weft stops anyway.",
          &Config::shutdown_timeout, std::chrono::seconds(1), std::chrono::minutes(5)),
      size_setting("loki.max_line_size",
                   "Longest line a Loki push entry may have; longer entries are refused (400, "
                   "the rest of the request is kept). 0 means no limit.",
                   &Config::loki_max_line_size, 0, 1ull << 30),
      duration_setting("loki.reject_old_samples_max_age",
                       "Loki push entries older than this are refused (400, the rest is kept); "
                       "0s accepts any age after 1970.",
                       &Config::loki_reject_old_samples_max_age, std::chrono::seconds(0),
                       std::chrono::hours(87600)),
      duration_setting("loki.creation_grace_period",
                       "How far past the current time a Loki push entry's timestamp may be; "
                       "later entries are refused (400, the rest is kept).",
                       &Config::loki_creation_grace_period, std::chrono::seconds(0),
                       std::chrono::hours(87600)),
  };
}

}  // namespace

std::string Setting::flag() const {
  std::string f = "--" + key;
  for (char& c : f)
    if (c == '.' || c == '_') c = '-';
  return f;
}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> kSettings = make_settings();
  return kSettings;
}

Status apply_setting(Config& config, std::string_view key, std::string_view text) {
  for (const auto& s : settings())
    if (s.key == key) return s.apply(config, text);
  return Status::invalid("unknown setting \"" + std::string(key) + "\"");
}

}  // namespace weft::app
