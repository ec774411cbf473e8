// LogDocumentMapper: maps a JSON log document (an Elasticsearch document, a Splunk HEC event
// object or its indexed fields) onto a LogRecord and its ResourceValues, so that a record ends
// up with the same fields whichever JSON protocol brought it (docs/ingest.md).
//
// Objects are flattened into dotted keys: {"service":{"name":"a"}} and {"service.name":"a"} are
// the same field. The keys below fill the record's own fields; the first usable occurrence of
// each wins. Every other member becomes an attribute under its dotted key (arrays as arrays,
// null members dropped), and so does a known key whose value does not fit (a trace.id that is
// not 32 hex digits, a numeric service.name, a second log.level).
//
//   body       message, msg (any value); log (a string)          top-level keys only
//   time       @timestamp                                          only with a timestamp parser
//   severity   log.level, level, severity: a level name ("info", "WARN", "E"), or a pino or
//              bunyan level number (10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal)
//   resource   service.name, or service as a string; service.namespace; service.version;
//              service.environment, deployment.environment or deployment.environment.name
//              (as deployment.environment.name); host.name
//   ids        trace.id or trace_id (32 hex digits); span.id or span_id (16 hex digits)
//
// Not thread-safe: one mapper per record being decoded. The record's resource values are
// views into the parsed document: resolve them (ResourceCache) before the document goes.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "ingest/json/json_any_value.h"
#include "ingest/json/resource_cache.h"
#include "model/log_record.h"

namespace weft::ingest {

namespace detail {
struct KnownKey;  // a key with a meaning of its own (log_document.cc)
}  // namespace detail

struct LogDocumentOptions {
  using TimestampParser = Result<UnixNanos> (*)(JsonValue value);

  // Whether message / msg / log are taken as the body (false: they are attributes).
  bool body = true;
  // Parses @timestamp into the record's time; nullptr leaves @timestamp an attribute.
  TimestampParser timestamp = nullptr;
};

class LogDocumentMapper {
 public:
  // `record` and `resource` must outlive the mapper.
  LogDocumentMapper(const LogDocumentOptions& options, LogRecord* record,
                    ResourceValues* resource)
      : options_(options), record_(record), resource_(resource) {}

  // Maps every member of `object` onto the record (more calls add more members; a field
  // already filled stays). kInvalidArgument, with a reason for the sender, when @timestamp
  // cannot be parsed; the record is then half-filled and must be dropped.
  Status map(simdjson::dom::object object);

 private:
  Status members(simdjson::dom::object object, int depth);
  Status member(std::string_view key, JsonValue value, int depth);
  bool take_body(std::string_view key, JsonValue value);
  Status leaf(JsonValue value);
  // Fills the target from `value`; false when it is already filled or the value does not fit.
  bool fill(const detail::KnownKey& known, JsonValue value);
  bool fill_severity(JsonValue value);
  void add_attribute(JsonValue value);

  const LogDocumentOptions& options_;
  LogRecord* record_;
  ResourceValues* resource_;
  std::string path_;  // the dotted key of the member being mapped
  bool has_body_ = false;
  bool has_time_ = false;
  bool has_severity_ = false;
};

// Whether a top-level member is one the mapper takes as the body (message, msg, a string log).
bool is_body_member(std::string_view key, JsonValue value);
// Whether an object has such a member.
bool has_body_member(simdjson::dom::object object);

// The severity number of a pino / bunyan numeric level (10, 20, ... 60), or 0.
int severity_from_level_number(int64_t level);

}  // namespace weft::ingest
