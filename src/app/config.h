// Config: every setting of `weft serve`, with its default, bounds and description.
//
// Settings come from, in rising precedence: the defaults in the table below, a YAML file
// (--config), and command-line flags. A key names a setting in the YAML file with its
// sections ("wal.fsync" is `wal: {fsync: ...}`) and, with dots and underscores turned into
// dashes, its flag ("--wal-fsync"). Unknown keys and bad values are errors naming the key and
// what was expected. docs/configuration.md documents the same table (a test keeps them in step).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/jsonlines/jsonlines_fields.h"

namespace weft::app {

struct Config {
  std::string data_dir = "./weft-data";
  std::string listen = "127.0.0.1:3100";
  std::string otlp_http_listen = "127.0.0.1:4318";
  std::string otlp_grpc_listen = "127.0.0.1:4317";
  std::string syslog_listen = "127.0.0.1:5514";
  std::string syslog_tenant = "default";
  std::string jsonlines_listen = "127.0.0.1:5170";
  std::string jsonlines_tenant = "default";
  ingest::JsonLinesFields jsonlines_fields;
  int http_threads = 0;
  std::string log_level = "info";
  uint64_t max_request_bytes = 20ull << 20;
  uint64_t memory_budget_bytes = 1ull << 30;
  uint64_t memtable_flush_bytes = 256ull << 20;
  std::chrono::milliseconds flush_interval{5000};
  std::chrono::milliseconds retention = std::chrono::hours(720);  // 0 = keep forever
  std::map<std::string, std::chrono::milliseconds, std::less<>> retention_per_tenant;
  uint64_t disk_budget_bytes = 0;  // 0 = no budget
  uint32_t query_max_limit = 5000;
  std::chrono::milliseconds query_timeout{60000};
  uint32_t query_max_series = 500;
  uint64_t query_max_memory_bytes = 512ull << 20;
  uint32_t query_traceql_max_spans = 1'000'000;
  bool wal_fsync = true;
  uint64_t wal_segment_bytes = 64ull << 20;
  uint64_t wal_max_pending_bytes = 256ull << 20;
  std::chrono::milliseconds shutdown_timeout{25000};
  uint64_t loki_max_line_size = 256ull << 10;
  std::chrono::milliseconds loki_reject_old_samples_max_age = std::chrono::hours(168);
  std::chrono::milliseconds loki_creation_grace_period = std::chrono::minutes(10);
  std::string auth_enabled = "auto";  // "auto", "true" or "false" (app/auth_setup.h)
  std::string auth_tokens_file;       // "" means <data_dir>/tokens
  std::string tls_cert_file;          // "" serves plain HTTP and gRPC
  std::string tls_key_file;
  std::string tls_client_ca_file;     // "" accepts clients without certificates
  bool audit_enabled = true;
  std::string audit_file;             // "" writes no file
};

struct Setting {
  std::string key;          // "wal.fsync"
  std::string description;  // one sentence for docs and --help
  std::string default_text; // as a user would write it
  std::string expected;     // what a valid value looks like, with bounds
  std::function<Status(Config&, std::string_view)> apply;

  std::string flag() const;  // "--wal-fsync"
};

// Every setting, in documentation order.
const std::vector<Setting>& settings();

// Parses `text` into the setting named `key`. Errors name the key and what was expected.
Status apply_setting(Config& config, std::string_view key, std::string_view text);

// Reads a YAML file of settings into `config`. Unknown keys and bad values are errors naming
// the key, the file and the line.
Status load_config_file(Config& config, const std::string& path);

// Same, from YAML text; `origin` names it in errors.
Status load_config_yaml(Config& config, std::string_view yaml, std::string_view origin);

// Parsers shared by the settings; exposed for tests. "20MiB", "1GiB", "512KiB", "1000000";
// "25s", "500ms", "2m"; "host:port" (port 0-65535) or "".
Result<uint64_t> parse_size(std::string_view text);
Result<std::chrono::milliseconds> parse_duration(std::string_view text);
Status validate_listen_address(std::string_view text);
// "acme=24h,beta=168h" (tenant=duration, comma separated; "" = none).
Result<std::map<std::string, std::chrono::milliseconds, std::less<>>> parse_tenant_durations(
    std::string_view text);

}  // namespace weft::app
