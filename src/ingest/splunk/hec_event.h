// One Splunk HEC event object as a log record (the mapping is in docs/ingest.md, "Splunk
// HEC"):
//
//   time                        the record's time (hec_time.h); absent: the time of arrival
//   host                        resource host.name
//   source, sourcetype, index   resource com.splunk.source / .sourcetype / .index; source is
//                               also the service.name when nothing else names one
//   event  a string             the body
//          an object            with message, msg or a string log: that is the body, and the
//                               other members are mapped as a JSON log document (severity,
//                               service, ids; the rest attributes). Without one: the whole
//                               object is the body (structured), and its severity, service and
//                               ids are still read.
//          anything else        the body
//   fields                      indexed fields: mapped as a JSON log document without a body
//                               (severity, service, ids; the rest attributes)
//
// Members that are null count as absent; other members are ignored. Metadata missing from
// the event comes from the request's query parameters (HecMetadata).
//
// Pure; thread-safe (the cache belongs to the caller).
#pragma once

#include <simdjson.h>

#include <string>

#include "common/time.h"
#include "ingest/json/resource_cache.h"
#include "ingest/splunk/hec_reply.h"
#include "ingest/splunk/hec_request.h"
#include "model/log_record.h"

namespace weft::ingest::splunk {

struct HecEventContext {
  const HecMetadata& defaults;
  UnixNanos observed_now = 0;
};

// Fills `out`. kSuccess, or the code to refuse the event with (kEventFieldRequired,
// kEventFieldBlank, kInvalidDataFormat, kIndexedFieldsError) and a detail in *detail.
HecCode decode_hec_event(simdjson::dom::object event, const HecEventContext& context,
                         ResourceCache& resources, LogRecord* out, std::string* detail);

}  // namespace weft::ingest::splunk
