// StreamConnection: one accepted TCP connection of a stream service (syslog, JSON lines).
//
// Reads into its StreamFramer (64 KiB at a time), hands each frame to its StreamBatcher, and
// stops reading while the batcher is full: the sender's writes then block in TCP flow
// control, so nothing it sent is dropped. Frames over the service's max_frame_bytes are
// skipped and counted as too_large. At the end of the stream (or on stop()) an unterminated
// last frame is taken as a message, the socket is closed, and the connection goes away once
// its batcher has drained.
//
// Lifecycle: reading <-> paused (batcher full) -> finished (socket closed) -> drained -> gone.
// Thread safety: all state lives on the socket's strand; stop() and abandon() post to it.
#pragma once

#include <memory>

#include <boost/asio/ip/tcp.hpp>

#include "ingest/stream/stream_framer.h"
#include "server/stream/stream_batcher.h"
#include "server/stream/stream_door.h"
#include "server/stream/stream_endpoint.h"

namespace weft::server {

class StreamConnection final : public StreamEndpoint,
                               public std::enable_shared_from_this<StreamConnection> {
 public:
  // `socket`'s executor must be a strand.
  StreamConnection(boost::asio::ip::tcp::socket socket, const StreamDoor& door);
  ~StreamConnection() override;
  StreamConnection(const StreamConnection&) = delete;
  StreamConnection& operator=(const StreamConnection&) = delete;

  // Registers the connection and starts reading. Call once, right after construction.
  void start();
  void stop() override;
  void abandon() override;

 private:
  void read();
  void on_read(boost::system::error_code ec, size_t bytes);
  void take_frames();
  void take(const ingest::Frame& frame);
  void finish();

  const StreamDoor& door_;
  boost::asio::ip::tcp::socket socket_;
  ingest::StreamFramer framer_;
  std::shared_ptr<StreamBatcher> batcher_;
  bool reading_ = false;  // a read is in progress
  bool paused_ = false;   // not reading because the batcher is full
  bool stopping_ = false;
  bool finished_ = false;  // the socket is closed; the batcher drains
};

}  // namespace weft::server
