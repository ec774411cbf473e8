// The subcommands of the `weft` binary. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "app/config.h"

namespace weft::app {

// Parses argv and runs the chosen subcommand.
int run_cli(int argc, char** argv);

// `weft serve`: runs the server until SIGTERM or SIGINT, then shuts down gracefully.
int run_serve(const Config& config);

// The text `weft help config` prints, and docs/configuration.md's table: every setting with
// its flag, default and bounds.
std::string settings_reference_markdown();

}  // namespace weft::app
