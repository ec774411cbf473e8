#include "loadgen/loadgen_runner.h"

#include <cmath>

namespace weft::loadgen {

double LoadgenReport::records_per_second() const {
  return seconds() > 0 ? static_cast<double>(driver.records) / seconds() : 0;
}

double LoadgenReport::mb_per_second() const {
  return seconds() > 0 ? static_cast<double>(driver.bytes) / 1e6 / seconds() : 0;
}

LoadgenRunner::LoadgenRunner(LoadgenOptions options) : options_(std::move(options)) {
  if (options_.records == 0 && !options_.duration) options_.duration = std::chrono::seconds(10);
  if (options_.endpoint.empty()) options_.endpoint = default_endpoint(options_.protocol);
}

Status LoadgenRunner::validate() const {
  if (options_.batch_size == 0) return Status::invalid("--batch-size must be at least 1");
  if (options_.connections < 1 || options_.connections > 1024)
    return Status::invalid("--connections must be 1..1024");
  if (options_.rate < 0 || !std::isfinite(options_.rate))
    return Status::invalid("--rate must be 0 (flat out) or more");
  if (options_.pool_requests == 0 || options_.max_pool_requests == 0)
    return Status::invalid("the request pool must hold at least one request");
  return Status::ok();
}

Result<RequestPool> LoadgenRunner::build_pool(RecordSource& source,
                                              const LoadTransport& transport) {
  RequestPool pool;
  uint64_t batch = options_.batch_size;
  size_t distinct = options_.pool_requests;
  uint64_t short_last = 0;  // records of the final, short request of a records run
  if (options_.records > 0) {
    uint64_t requests = (options_.records + batch - 1) / batch;
    short_last = options_.records % batch;
    distinct = static_cast<size_t>(std::min<uint64_t>(requests - (short_last ? 1 : 0),
                                                      options_.max_pool_requests));
    if (distinct == 0) batch = short_last, short_last = 0, distinct = 1;
  }
  auto prepare = [&](size_t count) -> Result<PoolEntry> {
    Result<EncodedRequest> e = encode_request(options_.protocol, options_.signal, source, count);
    if (!e.is_ok()) return e.status();
    return transport.prepare(std::move(e->body), e->records);
  };
  for (size_t i = 0; i < distinct && !stopped_; ++i) {
    Result<PoolEntry> entry = prepare(batch);
    if (!entry.is_ok()) return entry.status();
    pool.entries.push_back(std::move(*entry));
  }
  if (short_last > 0) {
    Result<PoolEntry> entry = prepare(short_last);
    if (!entry.is_ok()) return entry.status();
    pool.last = std::move(*entry);
  }
  return pool;
}

Result<LoadgenReport> LoadgenRunner::run() {
  WEFT_RETURN_IF_ERROR(validate());
  Result<RequestTarget> target = request_target(options_.protocol, options_.signal);
  if (!target.is_ok()) return target.status();
  Result<LoadTransport> transport = LoadTransport::make(
      {options_.endpoint, options_.protocol, *target, options_.tenant, options_.gzip,
       options_.timeout});
  if (!transport.is_ok()) return transport.status();
  Result<std::unique_ptr<RecordSource>> source = make_record_source(options_.source);
  if (!source.is_ok()) return source.status();

  auto encode_start = std::chrono::steady_clock::now();
  Result<RequestPool> pool = build_pool(**source, *transport);
  if (!pool.is_ok()) return pool.status();
  if (pool->entries.empty()) return Status::unavailable("stopped before anything was sent");
  LoadgenReport report;
  report.encode_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - encode_start).count();
  report.protocol = protocol_name(options_.protocol);
  report.signal = signal_name(options_.signal);
  report.source = options_.source.kind;
  report.endpoint = options_.endpoint;
  report.pool_requests = pool->entries.size() + (pool->last ? 1 : 0);
  for (const PoolEntry& e : pool->entries) report.pool_mb += static_cast<double>(e.bytes) / 1e6;
  report.rate_target = options_.rate;
  report.connections = options_.connections;
  report.gzip = options_.gzip;
  report.stream = is_stream_protocol(options_.protocol);

  DriverOptions d;
  d.connections = options_.connections;
  d.rate = options_.rate;
  d.duration = options_.records > 0 ? std::nullopt : options_.duration;
  d.max_requests = options_.records > 0 ? (options_.records + options_.batch_size - 1) / options_.batch_size : 0;
  d.timeout = options_.timeout;
  LoadDriver driver(transport->connections(), d);
  driver_ = &driver;
  if (stopped_) driver.stop();
  report.driver = driver.run(*pool);
  driver_ = nullptr;
  return report;
}

void LoadgenRunner::stop() {
  stopped_ = true;
  if (LoadDriver* d = driver_.load()) d->stop();
}

}  // namespace weft::loadgen
