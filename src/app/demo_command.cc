// `weft demo`: runs the simulated shop (src/demo) against a weft until --duration has passed
// or SIGINT/SIGTERM arrives, then prints a summary.
//
// As in `weft serve`, the shutdown signals are blocked before any thread starts and taken
// synchronously (sigtimedwait) on a watcher thread, which asks the runner to stop.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "common/log.h"

namespace weft::app {

namespace {

// Waits for SIGINT/SIGTERM (already blocked) until `done`; a signal stops the runner.
void watch_signals(const sigset_t& signals, demo::DemoRunner& runner, std::atomic<bool>& done) {
  timespec poll{0, 100'000'000};
  while (!done) {
    int sig = sigtimedwait(&signals, nullptr, &poll);
    if (sig > 0) {
      log::info("demo: stopping", {{"signal", strsignal(sig)}});
      runner.stop();
      return;
    }
  }
}

// "20", "2.5": a rate without trailing zeros.
std::string format_rate(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", rate);
  return buf;
}

void print_summary(const demo::DemoSummary& s) {
  std::cout << "weft demo: " << s.requests << " requests (" << s.failed_requests
            << " failed in the shop), " << s.traces << " traces\n"
            << "  sent:    " << s.spans_sent << " spans, " << s.logs_sent << " log records in "
            << s.posts << " POSTs\n"
            << "  dropped: " << s.spans_dropped << " spans, " << s.logs_dropped
            << " log records in " << s.posts_failed << " failed POSTs (" << s.retries
            << " retries)";
  if (s.requests_skipped > 0) std::cout << ", " << s.requests_skipped << " requests skipped";
  std::cout << "\n";
}

}  // namespace

int run_demo(const demo::DemoOptions& options) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  log::info("demo: sending traces and logs",
            {{"endpoint", options.endpoint},
             {"rate", format_rate(options.rate)},
             {"seed", options.seed},
             {"tenant", options.tenant.empty() ? "default" : options.tenant},
             {"duration", options.duration ? std::to_string(options.duration->count()) + "ms"
                                           : std::string("until interrupted")}});
  demo::DemoRunner runner(options);
  std::atomic<bool> done{false};
  std::thread watcher([&] { watch_signals(signals, runner, done); });
  Result<demo::DemoSummary> summary = runner.run();
  done = true;
  watcher.join();
  if (!summary.is_ok()) {
    log::error("demo: cannot run", {{"error", summary.status().message()}});
    return 2;
  }
  const demo::DemoSummary& s = *summary;
  log::info("demo: finished", {{"requests", s.requests},
                               {"failed_requests", s.failed_requests},
                               {"spans_sent", s.spans_sent},
                               {"logs_sent", s.logs_sent},
                               {"posts_failed", s.posts_failed}});
  print_summary(s);
  if (s.posts == 0 && s.posts_failed > 0) {
    log::error("demo: nothing was delivered", {{"endpoint", options.endpoint}});
    return 1;
  }
  return 0;
}

}  // namespace weft::app
