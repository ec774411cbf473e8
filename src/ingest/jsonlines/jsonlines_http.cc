#include "ingest/jsonlines/jsonlines_http.h"

#include "common/json_writer.h"

namespace weft::ingest {

namespace {

void write_counts(JsonWriter& w, const JsonLinesReport& report) {
  w.key("accepted");
  w.value(report.accepted);
  w.key("rejected");
  w.value(report.rejected);
  w.key("errors");
  w.begin_array();
  for (const JsonLinesLineError& error : report.errors) {
    w.begin_object();
    w.key("line");
    w.value(error.line);
    w.key("error");
    w.value(error.message);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

LogBatch decode_json_lines_body(std::string_view body, JsonLinesDecoder& decoder, UnixNanos now,
                                JsonLinesReport* report) {
  LogBatch batch;
  uint64_t number = 0;
  while (!body.empty()) {
    size_t end = body.find('\n');
    std::string_view line = body.substr(0, end);
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t before = batch.records.size();
    Status decoded = decoder.decode_frame(line, now, batch);
    if (decoded.is_ok()) {
      report->accepted += batch.records.size() - before;
      continue;
    }
    ++report->rejected;
    if (report->errors.size() < JsonLinesReport::kMaxReportedErrors)
      report->errors.push_back({number, decoded.message()});
  }
  return batch;
}

std::string json_lines_partial_body(const JsonLinesReport& report) {
  JsonWriter w;
  w.begin_object();
  write_counts(w, report);
  w.end_object();
  return w.take();
}

std::string json_lines_error_body(const JsonLinesReport& report) {
  JsonWriter w;
  w.begin_object();
  w.key("error");
  w.value(report.errors.empty() ? std::string("no valid line")
                                : "line " + std::to_string(report.errors.front().line) + ": " +
                                      report.errors.front().message);
  write_counts(w, report);
  w.end_object();
  return w.take();
}

}  // namespace weft::ingest
