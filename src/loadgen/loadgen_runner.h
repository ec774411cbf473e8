// LoadgenRunner: `weft loadgen` end to end. Builds the record source, pre-encodes a pool of
// requests (so that sending costs nothing but, for gRPC with gzip, the compression), then
// drives them at the endpoint over HTTP or gRPC (load_transport.h, load_driver.h) and returns
// what was acknowledged.
//
// Pool size: with --records N, ceil(N / batch_size) requests (the last one short, so exactly N
// records go out) up to `max_pool_requests`, cycled beyond that; with a duration,
// `pool_requests` distinct requests (default 64), cycled.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "loadgen/load_driver.h"
#include "loadgen/load_transport.h"
#include "loadgen/record_source.h"
#include "loadgen/request_encoder.h"

namespace weft::loadgen {

struct LoadgenOptions {
  std::string endpoint;  // "": the protocol's default_endpoint()
  Protocol protocol = Protocol::kOtlpHttp;
  bool gzip = false;  // gzip request bodies (HTTP: Content-Encoding; gRPC: grpc-encoding)
  Signal signal = Signal::kLogs;
  SourceOptions source;
  std::string tenant;  // X-Scope-OrgID when not empty
  size_t batch_size = 1000;  // records per request
  uint64_t records = 0;      // total records; 0: run for `duration`
  std::optional<std::chrono::milliseconds> duration;  // default 10 s when records is 0
  double rate = 0;                                    // records/s; 0: flat out
  int connections = 4;
  size_t pool_requests = 64;         // distinct requests in a duration run
  size_t max_pool_requests = 1024;   // at most this many distinct requests in a records run
  std::chrono::milliseconds timeout{10000};
};

struct LoadgenReport {
  std::string protocol, signal, source, endpoint;
  size_t pool_requests = 0;
  double pool_mb = 0;
  double encode_seconds = 0;
  double rate_target = 0;
  int connections = 0;
  bool gzip = false;
  bool stream = false;  // a stream protocol: records were written, not acknowledged
  DriverReport driver;

  bool grpc() const { return protocol == "otlp-grpc"; }

  double seconds() const { return std::chrono::duration<double>(driver.elapsed).count(); }
  double records_per_second() const;
  double mb_per_second() const;
};

class LoadgenRunner {
 public:
  explicit LoadgenRunner(LoadgenOptions options);

  // kInvalidArgument / kUnsupported for bad options, kNotFound for missing replay data.
  Result<LoadgenReport> run();
  // Ends run() soon. Thread-safe; may be called before the driver has started.
  void stop();

 private:
  Result<RequestPool> build_pool(RecordSource& source, const LoadTransport& transport);
  Status validate() const;

  LoadgenOptions options_;
  std::atomic<bool> stopped_{false};
  std::atomic<LoadDriver*> driver_{nullptr};
};

}  // namespace weft::loadgen
