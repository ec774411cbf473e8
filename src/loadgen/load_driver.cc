#include "loadgen/load_driver.h"

#include <thread>

namespace weft::loadgen {

// One connection thread's connection and tallies.
struct LoadDriver::Worker {
  explicit Worker(std::unique_ptr<LoadConnection> c) : connection(std::move(c)) {}
  std::unique_ptr<LoadConnection> connection;
  DriverReport report;
  LatencyRecorder latency;
  LatencyRecorder scheduled_latency;
};

LoadDriver::LoadDriver(ConnectionFactory connect, DriverOptions options)
    : connect_(std::move(connect)), options_(options) {}

bool LoadDriver::over(Clock::time_point now) const {
  return stop_.load() || (options_.duration && now >= deadline_);
}

bool LoadDriver::wait_until(Clock::time_point due) {
  while (true) {
    Clock::time_point now = Clock::now();
    if (over(now)) return false;
    if (now >= due) return true;
    if (options_.duration && due >= deadline_) return false;  // due after the end
    std::this_thread::sleep_for(std::min<Clock::duration>(due - now, std::chrono::milliseconds(50)));
  }
}

const PoolEntry& LoadDriver::entry(const RequestPool& pool, uint64_t k) const {
  if (pool.last && options_.max_requests > 0 && k + 1 == options_.max_requests) return *pool.last;
  return pool.entries[k % pool.entries.size()];
}

void LoadDriver::work(const RequestPool& pool, Worker& w) {
  while (true) {
    uint64_t k = next_.fetch_add(1);
    if (options_.max_requests > 0 && k >= options_.max_requests) break;
    std::optional<Clock::time_point> due;
    if (seconds_per_request_ > 0) {
      due = start_ + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(seconds_per_request_ * static_cast<double>(k)));
      if (!wait_until(*due)) break;
    } else if (over(Clock::now())) {
      break;
    }
    const PoolEntry& e = entry(pool, k);
    Clock::time_point sent = Clock::now();
    SendOutcome outcome = w.connection->send(e);
    if (outcome.kind == SendOutcome::Kind::kNoAnswer) {
      if (w.report.io_errors++ == 0) w.report.first_error = outcome.error;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // no busy loop on a dead server
      continue;
    }
    Clock::time_point answered = Clock::now();
    w.latency.add(answered - sent);
    if (due) w.scheduled_latency.add(answered - *due);
    if (outcome.kind == SendOutcome::Kind::kAcknowledged) {
      w.report.requests += 1;
      w.report.records += e.records;
      w.report.bytes += e.bytes;
    } else {
      w.report.rejected += 1;
      w.report.records_rejected += e.records;
      w.report.non_2xx[outcome.code] += 1;
    }
  }
  Status finished = w.connection->finish();
  if (!finished.is_ok() && w.report.io_errors++ == 0) w.report.first_error = finished.message();
}

DriverReport LoadDriver::run(const RequestPool& pool) {
  int n = std::max(1, options_.connections);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < n; ++i) workers.push_back(std::make_unique<Worker>(connect_()));
  if (options_.rate > 0)
    seconds_per_request_ = static_cast<double>(pool.entries.front().records) / options_.rate;
  start_ = Clock::now();
  if (options_.duration) deadline_ = start_ + *options_.duration;
  std::vector<std::thread> threads;
  for (auto& w : workers) threads.emplace_back([&, worker = w.get()] { work(pool, *worker); });
  for (auto& t : threads) t.join();

  DriverReport total;
  total.elapsed = Clock::now() - start_;
  LatencyRecorder latency, scheduled_latency;
  for (auto& w : workers) {
    const DriverReport& r = w->report;
    total.requests += r.requests;
    total.records += r.records;
    total.bytes += r.bytes;
    total.rejected += r.rejected;
    total.records_rejected += r.records_rejected;
    total.io_errors += r.io_errors;
    for (auto [status, count] : r.non_2xx) total.non_2xx[status] += count;
    if (total.first_error.empty()) total.first_error = r.first_error;
    latency.merge(w->latency);
    scheduled_latency.merge(w->scheduled_latency);
  }
  total.latency = latency.summarize();
  total.scheduled_latency = scheduled_latency.summarize();
  return total;
}

}  // namespace weft::loadgen
