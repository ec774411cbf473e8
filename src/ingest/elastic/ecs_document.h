// One document of a bulk request as a log record: the document's fields mapped by
// LogDocumentMapper with @timestamp parsed as an Elasticsearch date (ECS field names:
// message, log.level, service.name, host.name, trace.id, span.id, ...), plus the attributes
// elasticsearch.index and (when the action gave one) elasticsearch.id.
//
// Pure; thread-safe (the cache belongs to the caller).
#pragma once

#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "ingest/json/json_any_value.h"
#include "ingest/json/resource_cache.h"
#include "model/log_record.h"

namespace weft::ingest::elastic {

struct DocumentContext {
  std::string_view index;  // the index the document goes to
  std::string_view id;     // the _id of its action; "" when none
  UnixNanos observed_now = 0;
};

// Fills `out` from `document`. kInvalidArgument, with a reason for the sender, when the
// document is not a JSON object or its @timestamp is not a date.
Status decode_ecs_document(JsonValue document, const DocumentContext& context,
                           ResourceCache& resources, LogRecord* out);

}  // namespace weft::ingest::elastic
