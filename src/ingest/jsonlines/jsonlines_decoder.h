// JsonLinesDecoder: one line holding one JSON object into one log record (docs/ingest.md,
// "JSON lines").
//
// The object's fields are flattened: nested objects become dotted names ({"http":{"status":
// 200}} -> "http.status"); arrays stay arrays. Then each role of JsonLinesFields takes the
// first of its candidate names present: time -> time_unix_nano (log_field_values.h), message
// -> body, level -> severity number and text, service -> resource service.name, trace id and
// span id (hex) -> the record's ids. "hostname" or "host.name" -> resource host.name, and
// "pid" (an integer) -> attribute process.pid. Every other field is an attribute with its JSON
// type (string, integer, double, bool, array, null as an empty value). A role's value that
// cannot be read (a time that is no time, an id that is not hex of the right length) stays an
// attribute under its own name.
//
// Rejected: a line that is not valid JSON, or valid JSON that is not an object, or nested
// deeper than kMaxDepth. Blank lines are skipped.
//
// Not thread-safe: one decoder per connection or request.
#pragma once

#include <simdjson.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/jsonlines/jsonlines_fields.h"
#include "ingest/stream/frame_decoder.h"
#include "ingest/stream/resource_cache.h"

namespace weft::ingest {

class JsonLinesDecoder final : public FrameDecoder {
 public:
  static constexpr int kMaxDepth = 64;

  explicit JsonLinesDecoder(JsonLinesFields fields = {});

  Status decode_frame(std::string_view line, UnixNanos now, LogBatch& out) override;
  // Parses the line in place, without copying it into the parser first.
  Status decode_padded_frame(std::string_view line, UnixNanos now, LogBatch& out) override;

 private:
  using Element = simdjson::dom::element;
  struct Field {
    std::string_view key;  // a view of the parsed line, or of nested_keys_
    Element value;
    bool taken = false;
  };

  Status decode(std::string_view line, bool padded, UnixNanos now, LogBatch& out);
  Status flatten(simdjson::dom::object object, std::string_view prefix, int depth);
  // The first untaken field named one of `names`, marked taken; nullptr when none is present.
  Field* take(const std::vector<std::string>& names);
  Status fill(LogRecord& record);
  void take_time(LogRecord& record);
  void take_level(LogRecord& record);
  template <size_t N>
  void take_id(const std::vector<std::string>& names, FixedId<N>& id);
  std::string_view take_text(const std::vector<std::string>& names);
  Status add_attributes(LogRecord& record);

  JsonLinesFields fields_;
  simdjson::dom::parser parser_;
  std::vector<Field> flat_;              // the fields of the current line
  std::deque<std::string> nested_keys_;  // dotted names built for the current line
  std::string number_text_;              // scratch: a numeric service or host name as text
  ResourceCache resources_;
};

}  // namespace weft::ingest
