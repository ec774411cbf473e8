// The options of `weft delete`, `weft backup` and `weft restore` (docs/operations.md).
// Each command works on a stopped store's data directory (--data-dir) or, for delete and
// backup, through a running server's admin API (--url).
#pragma once

#include <string>

namespace weft::app {

struct DeleteCommandOptions {
  std::string url;       // a running server, e.g. http://127.0.0.1:3100
  std::string data_dir;  // or a stopped store's data directory
  std::string tenant = "default";
  std::string selector;  // {service_name="x"}, optionally |= "text"
  std::string start;     // RFC 3339 or unix nanoseconds
  std::string end;       // default: now
  std::string signal = "logs";
};

struct BackupCommandOptions {
  std::string url;       // a running server (the backup is written on the server's side)
  std::string data_dir;  // or a stopped store's data directory
  std::string to;        // the backup directory
};

struct RestoreCommandOptions {
  std::string from;      // the backup directory
  std::string data_dir;  // the directory to restore into
  bool force = false;    // empty a non-empty data directory first
  bool verify_only = false;
};

// Each returns the process exit code: 0 done, 1 failed, 2 bad options.
int run_delete(const DeleteCommandOptions& options);
int run_backup(const BackupCommandOptions& options);
int run_restore(const RestoreCommandOptions& options);

}  // namespace weft::app
