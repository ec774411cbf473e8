// StreamEndpoint: what the StreamServer asks of each of its live endpoints (a TCP connection,
// a UDP socket) when it stops.
//
// An endpoint is live from its start until it is destroyed, which it is once it has stopped
// reading and its batcher has drained (every frame read is durable, or given up).
//
// Thread safety: the methods may be called from any thread (they post to the endpoint's
// strand).
#pragma once

namespace weft::server {

class StreamEndpoint {
 public:
  virtual ~StreamEndpoint() = default;
  // Stop reading; store what was read (the batcher drains), then go away.
  virtual void stop() = 0;
  // Give up on what is not stored yet and go away (the shutdown deadline has passed).
  virtual void abandon() = 0;
};

}  // namespace weft::server
