// LoadgenRunner: `weft loadgen` end to end. Builds the record source, pre-encodes a pool of
// request bodies (so that sending costs nothing), then drives them at the endpoint
// (load_driver.h) and returns what was acknowledged.
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
#include "loadgen/record_source.h"
#include "loadgen/request_encoder.h"

namespace weft::loadgen {

struct LoadgenOptions {
  // http://host:port[/path]; for the stream protocols tcp://host:port (default: weft's
  // listener of the protocol, default_stream_endpoint()).
  std::string endpoint = "http://127.0.0.1:4318";
  Protocol protocol = Protocol::kOtlpHttp;
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
  bool stream = false;  // a stream protocol: records were written, not acknowledged
  DriverReport driver;

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
  // `endpoint` is null for the stream protocols.
  Result<RequestPool> build_pool(RecordSource& source, const client::HttpEndpoint* endpoint,
                                 const RequestTarget& target);
  Result<LoadConnectionFactory> connections(client::HttpEndpoint* http) const;
  Status validate() const;

  LoadgenOptions options_;
  std::atomic<bool> stopped_{false};
  std::atomic<LoadDriver*> driver_{nullptr};
};

}  // namespace weft::loadgen
