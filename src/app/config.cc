// The settings table: each setting's key, description, default, bounds and parser.
#include "app/config.h"

#include <charconv>

#include "server/api/tenant.h"

namespace weft::app {

namespace {

using Apply = std::function<Status(Config&, std::string_view)>;

// The defaults, for the table. (A static object: `Config{}.*field` crashes g++ 12 once Config
// holds the JSON lines field lists.)
const Config& defaults() {
  static const Config kDefaults;
  return kDefaults;
}

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
  return {key, std::move(description), size_text(defaults().*field), expected, apply};
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
  return {key, std::move(description), std::to_string(defaults().*field), expected, apply};
}

Setting bool_setting(std::string key, std::string description, bool Config::*field) {
  Apply apply = [key, field](Config& c, std::string_view text) -> Status {
    if (text == "true") c.*field = true;
    else if (text == "false") c.*field = false;
    else return setting_error(key, "true or false", text);
    return Status::ok();
  };
  return {key, std::move(description), defaults().*field ? "true" : "false", "true or false", apply};
}

Setting address_setting(std::string key, std::string description, std::string Config::*field) {
  std::string expected = "host:port (port 0-65535), or \"\" to disable";
  Apply apply = [key, expected, field](Config& c, std::string_view text) -> Status {
    if (!validate_listen_address(text).is_ok()) return setting_error(key, expected, text);
    c.*field = std::string(text);
    return Status::ok();
  };
  return {key, std::move(description), defaults().*field, expected, apply};
}

Setting tenant_setting(std::string key, std::string description, std::string Config::*field) {
  std::string expected = "1-150 characters of A-Z a-z 0-9 _ . -";
  Apply apply = [key, expected, field](Config& c, std::string_view text) -> Status {
    if (!server::api::is_valid_tenant(text) || text == server::api::kAuditTenant)
      return setting_error(key, expected + ", not the reserved " +
                                    std::string(server::api::kAuditTenant), text);
    c.*field = std::string(text);
    return Status::ok();
  };
  return {key, std::move(description), defaults().*field, expected, apply};
}

using FieldList = std::vector<std::string> ingest::JsonLinesFields::*;

Setting field_list_setting(std::string key, std::string role, FieldList field) {
  std::string expected = "comma-separated field names";
  Apply apply = [key, expected, field](Config& c, std::string_view text) -> Status {
    auto names = ingest::parse_field_list(text);
    if (!names.is_ok()) return setting_error(key, expected, text);
    c.jsonlines_fields.*field = std::move(*names);
    return Status::ok();
  };
  std::string description = "JSON lines: the fields that hold a record's " + role +
                            "; the first one present in a line is used.";
  return {key, std::move(description), ingest::join_field_list(defaults().jsonlines_fields.*field),
          expected, apply};
}

std::vector<Setting> stream_settings() {
  using F = ingest::JsonLinesFields;
  return {
      address_setting("syslog.listen",
                      "Syslog listener, TCP and UDP on the same address: RFC 5424 and RFC 3164, "
                      "octet-counted or newline-framed.",
                      &Config::syslog_listen),
      tenant_setting("syslog.tenant", "Tenant of every record received over syslog.",
                     &Config::syslog_tenant),
      address_setting("jsonlines.listen", "JSON lines listener (TCP): one JSON object per line.",
                      &Config::jsonlines_listen),
      tenant_setting("jsonlines.tenant", "Tenant of every record received on `jsonlines.listen`.",
                     &Config::jsonlines_tenant),
      field_list_setting("jsonlines.time_fields", "time", &F::time),
      field_list_setting("jsonlines.message_fields", "message (the body)", &F::message),
      field_list_setting("jsonlines.level_fields", "level (severity)", &F::level),
      field_list_setting("jsonlines.service_fields", "service name", &F::service),
      field_list_setting("jsonlines.trace_id_fields", "trace id (hex)", &F::trace_id),
      field_list_setting("jsonlines.span_id_fields", "span id (hex)", &F::span_id),
  };
}

Setting data_dir_setting() {
  Apply apply = [](Config& c, std::string_view text) -> Status {
    if (text.empty()) return setting_error("data_dir", "a directory path", text);
    c.data_dir = std::string(text);
    return Status::ok();
  };
  return {"data_dir", "Directory of the write-ahead log and all stored data; created if missing.",
          defaults().data_dir, "a directory path", apply};
}

Setting auth_enabled_setting() {
  Apply apply = [](Config& c, std::string_view text) -> Status {
    if (text != "auto" && text != "true" && text != "false")
      return setting_error("auth.enabled", "auto, true or false", text);
    c.auth_enabled = std::string(text);
    return Status::ok();
  };
  return {"auth.enabled",
          "Whether requests need an API token (docs/security.md). auto: yes when any listener "
          "binds beyond loopback; false serves without auth even then.",
          defaults().auth_enabled, "auto, true or false", apply};
}

// A file path; "" is allowed (the setting's description says what it means).
Setting path_setting(std::string key, std::string description, std::string Config::*field) {
  Apply apply = [field](Config& c, std::string_view text) -> Status {
    c.*field = std::string(text);
    return Status::ok();
  };
  return {key, std::move(description), defaults().*field, "a file path, or \"\"", apply};
}

std::vector<Setting> security_settings() {
  return {
      auth_enabled_setting(),
      path_setting("auth.tokens_file",
                   "File of API tokens with hashed secrets, managed by `weft token`; \"\" means "
                   "<data_dir>/tokens.",
                   &Config::auth_tokens_file),
      path_setting("tls.cert_file",
                   "PEM certificate (chain) to serve HTTPS and OTLP/gRPC over TLS with; \"\" "
                   "serves plaintext. Needs tls.key_file.",
                   &Config::tls_cert_file),
      path_setting("tls.key_file", "PEM private key of tls.cert_file (unencrypted).",
                   &Config::tls_key_file),
      path_setting("tls.client_ca_file",
                   "PEM CA certificates: when set, every HTTPS and gRPC client must present a "
                   "certificate they signed (mTLS).",
                   &Config::tls_client_ca_file),
      bool_setting("audit.enabled",
                   "Record every query and admin request (token, tenant, endpoint, parameters, "
                   "status, duration) in the audit log: tenant _audit, readable by admin tokens.",
                   &Config::audit_enabled),
      path_setting("audit.file",
                   "Also append each audit entry to this file as a JSON line; \"\" writes none.",
                   &Config::audit_file),
  };
}

Setting log_level_setting() {
  Apply apply = [](Config& c, std::string_view text) -> Status {
    if (text != "debug" && text != "info" && text != "warn" && text != "error")
      return setting_error("log_level", "debug, info, warn or error", text);
    c.log_level = std::string(text);
    return Status::ok();
  };
  return {"log_level", "Lowest level of weft's own logs (logfmt on stderr).", defaults().log_level,
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

std::string tenant_durations_text(
    const std::map<std::string, std::chrono::milliseconds, std::less<>>& m) {
  std::string out;
  for (const auto& [tenant, d] : m) out += (out.empty() ? "" : ",") + tenant + "=" + duration_text(d);
  return out;
}

Setting retention_per_tenant_setting() {
  std::string expected = "tenant=duration pairs, comma separated (\"acme=24h,beta=168h\"), or \"\"";
  Apply apply = [expected](Config& c, std::string_view text) -> Status {
    auto m = parse_tenant_durations(text);
    if (!m.is_ok()) return setting_error("storage.retention_per_tenant", expected, text);
    c.retention_per_tenant = std::move(*m);
    return Status::ok();
  };
  return {"storage.retention_per_tenant",
          "Retention of the named tenants, overriding storage.retention (0s keeps a tenant's "
          "data forever).",
          tenant_durations_text(Config{}.retention_per_tenant), expected, apply};
}

std::vector<Setting> make_settings() {
  std::vector<Setting> all = {
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
  };
  for (Setting& s : stream_settings()) all.push_back(std::move(s));
  for (Setting& s : security_settings()) all.push_back(std::move(s));
  std::vector<Setting> rest = {
      int_setting("http_threads", "Threads serving HTTP, and as many for the syslog and JSON lines listeners; 0 means one per CPU core.",
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
      duration_setting("storage.retention",
                       "Parts whose newest record is older than this are removed (whole parts, "
                       "checked every second); 0s keeps data forever.",
                       &Config::retention, std::chrono::seconds(0), std::chrono::hours(876000)),
      retention_per_tenant_setting(),
      size_setting("storage.disk_budget",
                   "Most bytes the parts may take on disk; past it the oldest days are removed "
                   "(across tenants) with a warning. 0 means no budget.",
                   &Config::disk_budget_bytes, 0, 1ull << 50),
      int_setting("query.max_limit",
                  "Largest `limit` a query may ask for (the native search, and the entries of a "
                  "LogQL log query: Loki's max entries limit).",
                  &Config::query_max_limit, 1, 1'000'000),
      duration_setting("query.timeout",
                       "How long a LogQL query may run; past it the query stops and the client "
                       "gets 504.",
                       &Config::query_timeout, std::chrono::seconds(1), std::chrono::hours(1)),
      int_setting("query.max_series", "Most series a LogQL metric query may return.",
                  &Config::query_max_series, 1, 1'000'000),
      size_setting("query.max_memory_bytes",
                   "Memory one LogQL query may hold (series, samples, entries); past it the "
                   "query fails with a clear error instead of growing.",
                   &Config::query_max_memory_bytes, 1ull << 20, 1ull << 40),
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
  for (Setting& s : rest) all.push_back(std::move(s));
  return all;
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
