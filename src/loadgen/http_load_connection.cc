#include "loadgen/http_load_connection.h"

namespace weft::loadgen {

SendOutcome HttpLoadConnection::send(const PoolEntry& entry) {
  Result<client::Response> response = connection_.send(std::get<client::Request>(entry.request));
  if (!response.is_ok()) return {SendOutcome::Kind::kNoAnswer, 0, response.status().message()};
  int status = response->status;
  if (status >= 200 && status < 300) return {SendOutcome::Kind::kAcknowledged, status, ""};
  return {SendOutcome::Kind::kRefused, status, ""};
}

}  // namespace weft::loadgen
