// How the stream listeners (syslog over TCP and UDP, JSON lines over TCP) batch what they read
// before handing it to storage.
#pragma once

#include <chrono>
#include <cstddef>

namespace weft::server {

struct StreamBatchLimits {
  // A batch is submitted once it holds this many frames or bytes ...
  size_t max_frames = 8000;
  size_t max_bytes = 4 << 20;
  // ... or, when nothing is in flight, this long after its first frame arrived. While a batch
  // is in flight the next one fills, and is submitted as soon as the first is acknowledged.
  std::chrono::milliseconds linger{20};
  // A batch refused with backpressure (or while weft is starting) is retried after a pause
  // that doubles from retry_min to retry_max.
  std::chrono::milliseconds retry_min{50};
  std::chrono::milliseconds retry_max{1000};
};

}  // namespace weft::server
