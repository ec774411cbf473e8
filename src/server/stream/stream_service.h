// StreamService: one line- or message-oriented ingest protocol served by the StreamServer on
// one "host:port": TCP (StreamConnection) and optionally UDP (DatagramReceiver) on the same
// address. Its doors are named "<name>/tcp" and "<name>/udp" in the ingest metrics.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "ingest/stream/frame_decoder.h"
#include "ingest/stream/stream_framer.h"

namespace weft::server {

struct StreamService {
  std::string name;    // "syslog", "jsonlines"
  std::string listen;  // "host:port"; "" disables the service
  bool udp = false;    // also receive datagrams (one message each) on the same address
  ingest::Framing framing = ingest::Framing::kLines;
  size_t max_frame_bytes = 1 << 20;  // longer TCP frames are skipped and counted as too_large
  std::string tenant = "default";    // of every record
  // A decoder for each connection (and each UDP socket).
  std::function<std::unique_ptr<ingest::FrameDecoder>()> make_decoder;
};

}  // namespace weft::server
