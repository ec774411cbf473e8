#include "loadgen/stream_load_connection.h"

namespace weft::loadgen {

SendOutcome StreamLoadConnection::send(const PoolEntry& entry) {
  Status written = connection_.write(std::get<StreamBytes>(entry.request).bytes);
  if (!written.is_ok()) return {SendOutcome::Kind::kNoAnswer, 0, written.message()};
  return {SendOutcome::Kind::kAcknowledged, 200, ""};
}

}  // namespace weft::loadgen
