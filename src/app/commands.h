// The subcommands of the `weft` binary. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "app/config.h"
#include "app/query_output.h"
#include "demo/demo_runner.h"
#include "loadgen/loadgen_runner.h"

namespace weft::app {

// Parses argv and runs the chosen subcommand.
int run_cli(int argc, char** argv);

// `weft serve`: runs the server until SIGTERM or SIGINT, then shuts down gracefully.
int run_serve(const Config& config);

// `weft demo`: sends the simulated shop's traces and logs (src/demo) to a weft until
// options.duration has passed or SIGTERM/SIGINT arrives; prints a summary. 0 when done, 1 when
// nothing could be delivered, 2 for bad options.
int run_demo(const demo::DemoOptions& options);

// `weft loadgen`: pre-encodes requests and drives them at a server (src/loadgen), then prints
// a summary (one JSON line when `json`). 0 when something was acknowledged, 1 when nothing
// was, 2 for bad options or missing replay data.
int run_loadgen(const loadgen::LoadgenOptions& options, bool json);

// The flags of `weft query`.
struct QueryCommandOptions {
  std::string query;
  std::string addr = "http://127.0.0.1:3100";
  std::string tenant;
  std::string since = "1h";
  std::string from;  // RFC 3339 or unix ns; default: now - since
  std::string to;    // default: now
  std::string step;  // metric range queries; default: the server's
  uint32_t limit = 30;
  bool forward = false;
  bool instant = false;
  QueryOutput output = QueryOutput::kText;
};

// `weft query`: runs a LogQL query against a weft's Loki API and prints the result. 0 on
// success, 1 when the query failed, 2 for bad flags or a query that does not parse.
int run_query_command(const QueryCommandOptions& options);

// `weft token create|list|revoke`: manages the token file of `config` (app/token_command.cc).
struct TokenCommand {
  std::string action;  // "create", "list" or "revoke"
  std::string role;    // create
  std::string tenants; // create: "acme", "acme,other" or "*"
  std::string name;    // create, optional
  std::string id;      // revoke
};
// 0 on success, 1 when the file cannot be read or written, 2 for bad arguments.
int run_token(const Config& config, const TokenCommand& command);

// The text `weft help config` prints, and docs/configuration.md's table: every setting with
// its flag, default and bounds.
std::string settings_reference_markdown();

}  // namespace weft::app
