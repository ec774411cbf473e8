// `weft serve`: wires the configuration into a Server and runs it until SIGTERM or SIGINT.
//
// Signals are blocked in every thread before any is started and taken synchronously with
// sigwait() on the main thread, so shutdown runs in ordinary code, not in a signal handler.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <cstdlib>
#include <thread>

#include "app/auth_setup.h"
#include "app/commands.h"
#include "common/log.h"
#include "server/server.h"

namespace weft::app {

namespace {

log::Level parse_log_level(const std::string& name) {
  if (name == "debug") return log::Level::kDebug;
  if (name == "warn") return log::Level::kWarn;
  if (name == "error") return log::Level::kError;
  return log::Level::kInfo;
}

storage::RetentionPolicy retention_policy(const Config& c) {
  using std::chrono::duration_cast, std::chrono::seconds;
  storage::RetentionPolicy r;
  r.retention = duration_cast<seconds>(c.retention);
  for (const auto& [tenant, d] : c.retention_per_tenant) r.per_tenant[tenant] = duration_cast<seconds>(d);
  r.max_disk_bytes = c.disk_budget_bytes;
  return r;
}

server::ServerOptions server_options(const Config& c) {
  server::ServerOptions o;
  o.listen = c.listen;
  o.otlp_http_listen = c.otlp_http_listen;
  o.otlp_grpc_listen = c.otlp_grpc_listen;
  o.syslog_listen = c.syslog_listen;
  o.syslog_tenant = c.syslog_tenant;
  o.jsonlines_listen = c.jsonlines_listen;
  o.jsonlines_tenant = c.jsonlines_tenant;
  o.jsonlines_fields = c.jsonlines_fields;
  o.http_threads = c.http_threads;
  o.max_request_bytes = c.max_request_bytes;
  o.max_query_limit = c.query_max_limit;
  o.query_timeout = c.query_timeout;
  o.max_query_series = c.query_max_series;
  o.max_query_memory_bytes = c.query_max_memory_bytes;
  o.traceql.max_spans = c.query_traceql_max_spans;
  o.shutdown_timeout = c.shutdown_timeout;
  o.loki_push.max_line_size = c.loki_max_line_size;
  o.loki_push.reject_old_samples_max_age_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(c.loki_reject_old_samples_max_age).count();
  o.loki_push.creation_grace_period_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(c.loki_creation_grace_period).count();
  o.tls = {c.tls_cert_file, c.tls_key_file, c.tls_client_ca_file};
  o.audit = c.audit_enabled;
  o.audit_file = c.audit_file;
  o.store.data_dir = c.data_dir;
  o.store.fsync = c.wal_fsync;
  o.store.memory_budget_bytes = c.memory_budget_bytes;
  o.store.memtable_flush_bytes = c.memtable_flush_bytes;
  o.store.flush_interval = c.flush_interval;
  o.store.wal_segment_bytes = c.wal_segment_bytes;
  o.store.wal_max_pending_bytes = c.wal_max_pending_bytes;
  o.store.retention = retention_policy(c);
  return o;
}

sigset_t shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

// Exits the process if shutdown overruns its budget, so a stuck shutdown cannot hang forever.
void arm_shutdown_watchdog(std::chrono::milliseconds budget) {
  std::thread([budget] {
    std::this_thread::sleep_for(budget);
    log::error("shutdown took too long; exiting", {{"budget_ms", budget.count()}});
    std::_Exit(1);
  }).detach();
}

}  // namespace

int run_serve(const Config& config) {
  log::set_min_level(parse_log_level(config.log_level));
  sigset_t signals = shutdown_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::ServerOptions options = server_options(config);
  auto tokens = serve_token_store(config);
  if (!tokens.is_ok()) {
    log::error("cannot start", {{"error", tokens.status().message()}});
    return 1;
  }
  options.tokens = std::move(*tokens);
  server::Server server(std::move(options));
  Status started = server.start();
  if (!started.is_ok()) {
    log::error("cannot start", {{"error", started.message()}});
    return 1;
  }
  // If opening the store fails, wake the main thread as a signal would, with failure noted.
  std::atomic<bool> open_failed{false};
  std::thread ready_waiter([&server, &open_failed] {
    if (!server.wait_ready().is_ok()) {
      open_failed = true;
      kill(getpid(), SIGTERM);
    }
  });

  int sig = 0;
  sigwait(&signals, &sig);
  if (!open_failed) log::info("shutting down", {{"signal", strsignal(sig)}});
  arm_shutdown_watchdog(config.shutdown_timeout + std::chrono::seconds(4));
  server.stop();
  ready_waiter.join();
  return open_failed ? 1 : 0;
}

}  // namespace weft::app
