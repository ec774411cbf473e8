// Command-line parsing: subcommands, and one flag per setting (see config.h).
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

#include "app/commands.h"
#include "common/log.h"

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

void add_setting_flags(CLI::App& serve, ServeFlags& flags) {
  serve.add_option("--config", flags.config_path, "YAML file of settings (see docs/configuration.md)");
  for (const auto& s : settings()) {
    std::string description = s.description + " Default: " +
                              (s.default_text.empty() ? "\"\"" : s.default_text) + ".";
    flags.options[s.key] = serve.add_option(s.flag(), flags.values[s.key], description);
  }
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

const char* kSubcommandHelp =
    "weft - logs and traces: collect, store, query.\n\n"
    "Usage: weft <command> [flags]\n\n"
    "Commands:\n"
    "  serve     Run the server (ingest, storage, query API). `weft serve --help` lists flags.\n"
    "  version   Print the version.\n"
    "  help      Print this help; `weft help config` prints every setting.\n";

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"weft - logs and traces: collect, store, query", "weft"};
  app.require_subcommand(0, 1);
  ServeFlags flags;
  CLI::App* serve = app.add_subcommand("serve", "Run the server");
  add_setting_flags(*serve, flags);
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
