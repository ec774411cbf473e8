// Command-line parsing: subcommands, and one flag per setting (see config.h).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <random>

#include "app/admin_commands.h"
#include "app/commands.h"
#include "common/log.h"
#include "common/time.h"

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.0.0"
#endif

namespace weft::app {

namespace {

struct ServeFlags {
  std::string config_path;
  std::map<std::string, std::string> values;  // setting key -> flag value, for given flags
  std::map<std::string, CLI::Option*> options;
};

// The flags of the settings named in `only` (every setting when empty), and --config.
void add_setting_flags(CLI::App& serve, ServeFlags& flags,
                       const std::vector<std::string_view>& only = {}) {
  serve.add_option("--config", flags.config_path, "YAML file of settings (see docs/configuration.md)");
  for (const auto& s : settings()) {
    if (!only.empty() && std::find(only.begin(), only.end(), s.key) == only.end()) continue;
    std::string description = s.description + " Default: " +
                              (s.default_text.empty() ? "\"\"" : s.default_text) + ".";
    flags.options[s.key] = serve.add_option(s.flag(), flags.values[s.key], description);
  }
}

// The flags of `weft demo`, as given.
struct DemoFlags {
  demo::DemoOptions options;
  std::string duration;
  std::string start_time;
  CLI::Option* seed = nullptr;
};

void add_demo_flags(CLI::App& cmd, DemoFlags& flags) {
  demo::DemoOptions& o = flags.options;
  cmd.add_option("--endpoint", o.endpoint, "OTLP/HTTP endpoint of a weft. Default: " + o.endpoint + ".");
  cmd.add_option("--rate", o.rate, "User requests (traces) per second. Default: 20.")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--duration", flags.duration,
                  "How long to run, e.g. 30s or 5m. Default: until interrupted.");
  flags.seed = cmd.add_option("--seed", o.seed,
                               "Seed: the same seed sends the same traces and logs. Default: random.");
  cmd.add_option("--tenant", o.tenant, "Tenant, sent as X-Scope-OrgID. Default: none (\"default\").");
  // Hidden: fixes the simulated clock, so a seed reproduces a run byte for byte.
  cmd.add_option("--start-time", flags.start_time, "Simulated start (RFC 3339 or unix ns).")
      ->group("");
}

Result<demo::DemoOptions> build_demo_options(DemoFlags& flags) {
  demo::DemoOptions o = flags.options;
  if (!flags.duration.empty()) {
    auto d = parse_duration(flags.duration);
    if (!d.is_ok()) return Status::invalid("flag --duration: " + d.status().message());
    if (d->count() <= 0) return Status::invalid("flag --duration: must be more than 0");
    o.duration = *d;
  }
  if (!flags.start_time.empty()) {
    auto t = parse_time(flags.start_time);
    if (!t.is_ok()) return Status::invalid("flag --start-time: " + t.status().message());
    o.start_time = *t;
  }
  if (flags.seed->count() == 0) o.seed = std::random_device{}() ^ (uint64_t{std::random_device{}()} << 32);
  return o;
}

// The flags of `weft loadgen`, as given.
struct LoadgenFlags {
  loadgen::LoadgenOptions options;
  std::string protocol = "otlp-http";
  std::string signal = "logs";
  std::string duration;
  std::string time_spread = "0s";
  std::string data_dir;
  bool json = false;
  CLI::Option* seed = nullptr;
  CLI::Option* endpoint = nullptr;
};

void add_loadgen_flags(CLI::App& cmd, LoadgenFlags& flags) {
  loadgen::LoadgenOptions& o = flags.options;
  cmd.add_option("--endpoint", o.endpoint,
                 "Base URL of the server; tcp://host:port for syslog and jsonlines. Default: "
                 "http://127.0.0.1:4318 (otlp-grpc: http://127.0.0.1:4317, syslog: "
                 "tcp://127.0.0.1:5514, jsonlines: tcp://127.0.0.1:5170).");
  cmd.add_option("--protocol", flags.protocol,
                 "otlp-http, otlp-grpc, loki, elastic, splunk-hec, syslog or jsonlines. "
                 "Default: otlp-http.");
  cmd.add_option("--signal", flags.signal,
                 "logs or traces (traces: otlp-http and otlp-grpc only). Default: logs.");
  cmd.add_flag("--gzip", o.gzip,
               "Compress request bodies with gzip (HTTP: Content-Encoding; gRPC: grpc-encoding).");
  cmd.add_option("--source", o.source.kind,
                 "synthetic, nezha or apache (replays of the shared data). Default: synthetic.");
  cmd.add_option("--data-dir-shared", flags.data_dir,
                 "The shared data folder. Default: $WEFT_SHARED_DATA, else ../shared/data.");
  cmd.add_option("--connections", o.connections, "Concurrent connections. Default: 4.")
      ->check(CLI::Range(1, 1024));
  cmd.add_option("--rate", o.rate, "Records per second; 0 = flat out. Default: 0.")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--duration", flags.duration, "How long to run, e.g. 30s. Default: 10s.");
  cmd.add_option("--records", o.records, "Send exactly this many records, then stop.");
  cmd.add_option("--batch-size", o.batch_size, "Records per request. Default: 1000.")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--pool", o.pool_requests,
                 "Distinct pre-encoded requests, cycled, in a duration run. Default: 64.")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--tenant", o.tenant, "Tenant, sent as X-Scope-OrgID. Default: none.");
  flags.seed = cmd.add_option("--seed", o.source.seed, "Seed of the generated data. Default: random.");
  cmd.add_option("--time-spread", flags.time_spread,
                 "Spread timestamps over this much of the past, e.g. 24h; 0s = now. Default: 0s.");
  cmd.add_flag("--json", flags.json, "Print the summary as one JSON line.");
}

Result<loadgen::LoadgenOptions> build_loadgen_options(LoadgenFlags& flags) {
  loadgen::LoadgenOptions o = flags.options;
  auto protocol = loadgen::parse_protocol(flags.protocol);
  if (!protocol.is_ok()) return Status::invalid("flag --protocol: " + protocol.status().message());
  o.protocol = *protocol;
  auto signal = loadgen::parse_signal(flags.signal);
  if (!signal.is_ok()) return Status::invalid("flag --signal: " + signal.status().message());
  o.signal = *signal;
  if (!flags.duration.empty()) {
    auto d = parse_duration(flags.duration);
    if (!d.is_ok()) return Status::invalid("flag --duration: " + d.status().message());
    if (d->count() <= 0) return Status::invalid("flag --duration: must be more than 0");
    o.duration = *d;
  }
  auto spread = parse_duration(flags.time_spread);
  if (!spread.is_ok()) return Status::invalid("flag --time-spread: " + spread.status().message());
  o.source.time_spread = *spread;
  o.source.data_dir = loadgen::resolve_shared_data_dir(flags.data_dir);
  if (flags.seed->count() == 0) o.source.seed = std::random_device{}() ^ (uint64_t{std::random_device{}()} << 32);
  return o;
}

struct QueryFlags {
  QueryCommandOptions options;
  std::string output = "text";
};

void add_query_flags(CLI::App& cmd, QueryFlags& flags) {
  QueryCommandOptions& o = flags.options;
  cmd.add_option("query", o.query, "The LogQL query, e.g. '{service_name=\"api\"} |= \"error\"'")->required();
  cmd.add_option("--addr", o.addr, "Base URL of the weft (or Loki). Default: " + o.addr + ".");
  cmd.add_option("--tenant", o.tenant, "Tenant, sent as X-Scope-OrgID. Default: none (\"default\").");
  cmd.add_option("--since", o.since, "How far back from --to to look, e.g. 15m or 24h. Default: 1h.");
  cmd.add_option("--from", o.from, "Start (RFC 3339 or unix ns). Default: --to minus --since.");
  cmd.add_option("--to", o.to, "End (RFC 3339 or unix ns). Default: now.");
  cmd.add_option("--limit", o.limit, "Most log lines to print. Default: 30.")->check(CLI::PositiveNumber);
  cmd.add_option("--step", o.step, "Step of a metric range query, e.g. 1m. Default: the server's.");
  cmd.add_flag("--forward", o.forward, "Oldest lines first (default: newest first).");
  cmd.add_flag("--instant", o.instant, "Evaluate a metric query once, at --to.");
  cmd.add_option("--output,-o", flags.output, "text or jsonl (log lines). Default: text.")
      ->check(CLI::IsMember({"text", "jsonl"}));
}

void add_delete_flags(CLI::App& cmd, DeleteCommandOptions& o) {
  cmd.add_option("--url", o.url, "A running weft, e.g. http://127.0.0.1:3100 (or --data-dir).");
  cmd.add_option("--data-dir", o.data_dir, "A stopped weft's data directory (or --url).");
  cmd.add_option("--tenant", o.tenant, "Tenant whose records to delete. Default: default.");
  cmd.add_option("--selector", o.selector, "Stream selector, e.g. '{service_name=\"x\"}', "
                 "optionally followed by |= \"text\".")->required();
  cmd.add_option("--start", o.start, "Start of the time range (RFC 3339 or unix ns).")->required();
  cmd.add_option("--end", o.end, "End of the time range (RFC 3339 or unix ns). Default: now.");
  cmd.add_option("--signal", o.signal, "logs or spans. Default: logs.");
}

void add_backup_flags(CLI::App& cmd, BackupCommandOptions& o) {
  cmd.add_option("--url", o.url, "A running weft: the backup is written on the server's side (or --data-dir).");
  cmd.add_option("--data-dir", o.data_dir, "A stopped weft's data directory (or --url).");
  cmd.add_option("--to", o.to, "The backup directory (new, or an earlier backup to update).")->required();
}

void add_restore_flags(CLI::App& cmd, RestoreCommandOptions& o) {
  cmd.add_option("--from", o.from, "The backup directory.")->required();
  cmd.add_option("--data-dir", o.data_dir, "The data directory to restore into (empty or missing).");
  cmd.add_flag("--force", o.force, "Empty a non-empty data directory first.");
  cmd.add_flag("--verify-only", o.verify_only, "Only check every checksum of the backup.");
}

Result<Config> build_config(const ServeFlags& flags) {
  Config config;
  if (!flags.config_path.empty()) WEFT_RETURN_IF_ERROR(load_config_file(config, flags.config_path));
  for (const auto& [key, option] : flags.options) {
    if (option->count() == 0) continue;
    Status s = apply_setting(config, key, flags.values.at(key));
    if (!s.is_ok()) return Status::invalid("flag " + option->get_name() + ": " + s.message());
  }
  return config;
}

// `weft token create|list|revoke`, each with the flags that locate the token file.
struct TokenFlags {
  ServeFlags settings;
  TokenCommand command;
  CLI::App* create = nullptr;
  CLI::App* list = nullptr;
  CLI::App* revoke = nullptr;
};

void add_token_flags(CLI::App& cmd, TokenFlags& flags) {
  cmd.require_subcommand(1, 1);
  const std::vector<std::string_view> file_settings = {"data_dir", "auth.tokens_file"};
  add_setting_flags(cmd, flags.settings, file_settings);
  TokenCommand& c = flags.command;
  flags.create = cmd.add_subcommand("create", "Create a token and print it (shown only once)");
  flags.create->add_option("--role", c.role, "reader (query), writer (ingest) or admin")->required();
  flags.create->add_option("--tenant", c.tenants, "Tenants it may act for: acme, acme,other or *")
      ->required();
  flags.create->add_option("--name", c.name, "A note for people: who or what uses it");
  flags.list = cmd.add_subcommand("list", "List tokens (never their secrets)");
  flags.revoke = cmd.add_subcommand("revoke", "Revoke a token by id");
  flags.revoke->add_option("id", c.id, "The token's id (weft token list)")->required();
  // --data-dir and the other file flags may follow the action: `weft token list --data-dir d`.
  for (CLI::App* action : {flags.create, flags.list, flags.revoke}) action->fallthrough();
}

const char* kSubcommandHelp =
    "weft - logs and traces: collect, store, query.\n\n"
    "Usage: weft <command> [flags]\n\n"
    "Commands:\n"
    "  serve     Run the server (ingest, storage, query API). `weft serve --help` lists flags.\n"
    "  demo      Send a simulated shop's traces and logs to a weft. `weft demo --help`.\n"
    "  loadgen   Drive ingest load at a server for benchmarks. `weft loadgen --help`.\n"
    "  query     Run a LogQL query against a weft (like logcli). `weft query --help`.\n"
    "  delete    Delete records by tenant, time range and selector. `weft delete --help`.\n"
    "  backup    Back up a store (stopped, or running through --url). `weft backup --help`.\n"
    "  restore   Restore a backup into a data directory. `weft restore --help`.\n"
    "  token     Create, list and revoke API tokens. `weft token --help`.\n"
    "  version   Print the version.\n"
    "  help      Print this help; `weft help config` prints every setting.\n";

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"weft - logs and traces: collect, store, query", "weft"};
  app.require_subcommand(0, 1);
  ServeFlags flags;
  CLI::App* serve = app.add_subcommand("serve", "Run the server");
  add_setting_flags(*serve, flags);
  DemoFlags demo_flags;
  CLI::App* demo_cmd = app.add_subcommand("demo", "Send a simulated shop's traces and logs to a weft");
  add_demo_flags(*demo_cmd, demo_flags);
  LoadgenFlags loadgen_flags;
  CLI::App* loadgen_cmd = app.add_subcommand("loadgen", "Drive ingest load at a server for benchmarks");
  add_loadgen_flags(*loadgen_cmd, loadgen_flags);
  QueryFlags query_flags;
  CLI::App* query_cmd = app.add_subcommand("query", "Run a LogQL query against a weft and print the result");
  add_query_flags(*query_cmd, query_flags);
  DeleteCommandOptions delete_options;
  CLI::App* delete_cmd = app.add_subcommand("delete", "Delete records by tenant, time range and selector");
  add_delete_flags(*delete_cmd, delete_options);
  BackupCommandOptions backup_options;
  CLI::App* backup_cmd = app.add_subcommand("backup", "Back up a store");
  add_backup_flags(*backup_cmd, backup_options);
  RestoreCommandOptions restore_options;
  CLI::App* restore_cmd = app.add_subcommand("restore", "Restore a backup into a data directory");
  add_restore_flags(*restore_cmd, restore_options);
  TokenFlags token_flags;
  CLI::App* token_cmd = app.add_subcommand("token", "Create, list and revoke API tokens");
  add_token_flags(*token_cmd, token_flags);
  CLI::App* version = app.add_subcommand("version", "Print the version");
  CLI::App* help = app.add_subcommand("help", "Print help; `weft help config` lists settings");
  std::string help_topic;
  help->add_option("topic", help_topic, "config");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (*version) {
    std::cout << "weft " << WEFT_VERSION << "\n";
    return 0;
  }
  if (*serve) {
    auto config = build_config(flags);
    if (!config.is_ok()) {
      log::error("bad configuration", {{"error", config.status().message()}});
      return 2;
    }
    return run_serve(*config);
  }
  if (*token_cmd) {
    auto config = build_config(token_flags.settings);
    if (!config.is_ok()) {
      log::error("bad configuration", {{"error", config.status().message()}});
      return 2;
    }
    TokenCommand command = token_flags.command;
    command.action = *token_flags.create ? "create" : *token_flags.list ? "list" : "revoke";
    return run_token(*config, command);
  }
  if (*demo_cmd) {
    auto options = build_demo_options(demo_flags);
    if (!options.is_ok()) {
      log::error("bad flags", {{"error", options.status().message()}});
      return 2;
    }
    return run_demo(*options);
  }
  if (*loadgen_cmd) {
    auto options = build_loadgen_options(loadgen_flags);
    if (!options.is_ok()) {
      log::error("bad flags", {{"error", options.status().message()}});
      return 2;
    }
    return run_loadgen(*options, loadgen_flags.json);
  }
  if (*query_cmd) {
    QueryCommandOptions options = query_flags.options;
    options.output = query_flags.output == "jsonl" ? QueryOutput::kJsonLines : QueryOutput::kText;
    return run_query_command(options);
  }
  if (*delete_cmd) return run_delete(delete_options);
  if (*backup_cmd) return run_backup(backup_options);
  if (*restore_cmd) return run_restore(restore_options);
  if (*help && help_topic == "config") {
    std::cout << settings_reference_markdown();
    return 0;
  }
  std::cout << kSubcommandHelp;
  return (*help || argc <= 1) ? 0 : 2;
}

std::string settings_reference_markdown() {
  std::string out = "| key | flag | default | accepted values | description |\n";
  out += "|---|---|---|---|---|\n";
  for (const auto& s : settings()) {
    out += "| `" + s.key + "` | `" + s.flag() + "` | `" + s.default_text + "` | " + s.expected +
           " | " + s.description + " |\n";
  }
  return out;
}

}  // namespace weft::app
