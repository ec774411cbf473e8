// Encodes log records as a Splunk HTTP Event Collector request (POST /services/collector/event,
// `Authorization: Splunk <token>`): one JSON event object per record, one per line, as HEC
// logging libraries batch them:
//
//   {"time":"1795341845.123456","host":"web-1","source":"checkout","sourcetype":"_json",
//    "event":{"message":"...","severity":"info","trace_id":"<32 hex>","span_id":"<16 hex>"}}
//
// time is epoch seconds with microseconds (as a string, which keeps every digit); the source
// is the record's service, and host its host.name (left out when absent); absent ids are left
// out.
#pragma once

#include <string>
#include <string_view>

#include "model/log_record.h"

namespace weft::loadgen {

inline constexpr std::string_view kSplunkHecPath = "/services/collector/event";
// Splunk HEC clients send JSON under any content type; this is the one splunk-logging uses.
inline constexpr std::string_view kSplunkHecContentType = "application/x-www-form-urlencoded";
// The token loadgen sends (weft has no token store yet; any token is accepted).
inline constexpr std::string_view kSplunkHecAuthorization = "Splunk weft-loadgen";

std::string encode_splunk_hec(const LogBatch& batch);

}  // namespace weft::loadgen
