#include "model/log_record.h"

namespace weft {

size_t log_record_heap_bytes(const LogRecord& r) {
  return sizeof(LogRecord) + r.severity_text.capacity() + any_value_heap_bytes(r.body) +
         attributes_heap_bytes(r.attributes) + r.event_name.capacity();
}

}  // namespace weft
