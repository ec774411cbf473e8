// `weft loadgen`: drives ingest load at a server for benchmarks (src/loadgen), then prints a
// summary (human lines, or one JSON line with --json).
//
// SIGINT/SIGTERM end the run early, as in `weft demo`: the signals are blocked before any
// thread starts and taken on a watcher thread, which asks the runner to stop; the summary of
// what was sent so far is still printed.
#include <atomic>
#include <csignal>
#include <ctime>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "common/log.h"
#include "loadgen/load_report.h"

namespace weft::app {

namespace {

void watch_signals(const sigset_t& signals, loadgen::LoadgenRunner& runner, std::atomic<bool>& done) {
  timespec poll{0, 100'000'000};
  while (!done) {
    if (sigtimedwait(&signals, nullptr, &poll) > 0) {
      runner.stop();
      return;
    }
  }
}

}  // namespace

int run_loadgen(const loadgen::LoadgenOptions& options, bool json) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  loadgen::LoadgenRunner runner(options);
  std::atomic<bool> done{false};
  std::thread watcher([&] { watch_signals(signals, runner, done); });
  Result<loadgen::LoadgenReport> report = runner.run();
  done = true;
  watcher.join();
  if (!report.is_ok()) {
    log::error("loadgen: cannot run", {{"error", report.status().message()}});
    return 2;
  }
  std::cout << (json ? loadgen::format_report_json(*report) + "\n"
                     : loadgen::format_report_text(*report));
  const loadgen::DriverReport& d = report->driver;
  if (d.requests == 0 && (d.rejected > 0 || d.io_errors > 0)) {
    log::error("loadgen: nothing was acknowledged", {{"endpoint", options.endpoint}});
    return 1;
  }
  return 0;
}

}  // namespace weft::app
