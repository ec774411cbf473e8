#include "storage/part/part_format.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace weft::storage::part_format {

std::string_view signal_name(Signal s) {
  switch (s) {
    case Signal::kLogs: return "logs";
    case Signal::kSpans: return "spans";
  }
  return "unknown";
}

std::string_view column_name(ColumnId id) {
  switch (id) {
    case ColumnId::kTime: return "time";
    case ColumnId::kResource: return "resource";
    case ColumnId::kScope: return "scope";
    case ColumnId::kAttributeShape: return "attribute_shape";
    case ColumnId::kAttribute: return "attributes";
    case ColumnId::kTraceId: return "trace_id";
    case ColumnId::kSpanId: return "span_id";
    case ColumnId::kFlags: return "flags";
    case ColumnId::kDroppedAttributes: return "dropped_attributes";
    case ColumnId::kObservedDelta: return "observed_time";
    case ColumnId::kTimeUnset: return "time_unset";
    case ColumnId::kSeverityNumber: return "severity_number";
    case ColumnId::kSeverityText: return "severity_text";
    case ColumnId::kBody: return "body";
    case ColumnId::kEventName: return "event_name";
    case ColumnId::kParentSpanId: return "parent_span_id";
    case ColumnId::kTraceState: return "trace_state";
    case ColumnId::kName: return "name";
    case ColumnId::kKind: return "kind";
    case ColumnId::kDuration: return "duration";
    case ColumnId::kStatusCode: return "status_code";
    case ColumnId::kStatusMessage: return "status_message";
    case ColumnId::kEvents: return "events";
    case ColumnId::kDroppedEvents: return "dropped_events";
    case ColumnId::kLinks: return "links";
    case ColumnId::kDroppedLinks: return "dropped_links";
  }
  return "unknown";
}

bool is_known_column(uint8_t id) {
  return id <= kMaxColumnId && column_name(static_cast<ColumnId>(id)) != "unknown";
}

std::string temp_part_name(std::string_view name) {
  std::string out(name);
  out += kTempSuffix;
  return out;
}

bool is_temp_part_name(std::string_view name) {
  return name.size() > kTempSuffix.size() && name.ends_with(kTempSuffix);
}

uint64_t checksum64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

uint32_t checksum32(std::string_view data) { return static_cast<uint32_t>(checksum64(data)); }

}  // namespace weft::storage::part_format
