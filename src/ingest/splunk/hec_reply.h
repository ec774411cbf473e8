// Splunk HTTP Event Collector answers: the HEC status codes weft uses, with Splunk's HTTP
// status and text for each, and the JSON body {"text":..,"code":..} (plus
// "invalid-event-number" when one event of a batch is at fault).
//
//   code  HTTP  text
//   0     200   Success
//   2     401   Token is required                 no Authorization header
//   3     401   Invalid authorization             not "Splunk <token>" (nor Basic)
//   4     403   Invalid token                     a token weft does not know (weft: 401)
//   5     400   No data                           an empty body
//   6     400   Invalid data format               malformed JSON, bad time, not an object
//   8     500   Internal server error
//   9     503   Server is busy                    backpressure, starting, stopping
//   12    400   Event field is required
//   13    400   Event field cannot be blank
//   15    400   Error in handling indexed fields  "fields" is not an object of flat values
//   17    200   HEC is healthy                    /services/collector/health
//   18    503   HEC is unhealthy, queues are full
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace weft::ingest::splunk {

enum class HecCode : int {
  kSuccess = 0,
  kTokenRequired = 2,
  kInvalidAuthorization = 3,
  kInvalidToken = 4,
  kNoData = 5,
  kInvalidDataFormat = 6,
  kInternalError = 8,
  kServerBusy = 9,
  kEventFieldRequired = 12,
  kEventFieldBlank = 13,
  kIndexedFieldsError = 15,
  kHealthy = 17,
  kUnhealthy = 18,
};

struct HecReply {
  int http_status = 200;
  HecCode code = HecCode::kSuccess;
  std::string text;                           // Splunk's text for the code
  std::optional<size_t> invalid_event_number;  // 0-based, within the request
};

// The reply for a code, with its HTTP status and text from the table above.
HecReply hec_reply(HecCode code, std::optional<size_t> invalid_event_number = std::nullopt);

std::string hec_reply_body(const HecReply& reply);

inline constexpr std::string_view kHecContentType = "application/json; charset=UTF-8";

}  // namespace weft::ingest::splunk
