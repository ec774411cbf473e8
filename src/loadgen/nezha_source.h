// The nezha replay source's parsing: one row of a nezha log CSV
// (Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,SpanID,Log — Log being the container
// runtime's JSON line, {"log":"17:03:11.532 INFO  c.Class#54 TraceID: ... message\n",...})
// and of a nezha trace CSV
// (TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "model/ids.h"

namespace weft::loadgen {

struct NezhaLogRow {
  UnixNanos time = 0;
  std::string node;     // the Kubernetes node's address
  std::string pod;      // ts-verification-code-service-7b6dc75c45-2z9p2
  std::string service;  // ts-verification-code-service
  TraceId trace_id;
  SpanId span_id;
  std::string level;  // "INFO", "WARN", ... ("INFO" when the line has none)
  std::string text;   // the log line, without its trailing newline
};

struct NezhaSpanRow {
  TraceId trace_id;
  SpanId span_id;
  SpanId parent_span_id;  // absent for a root ("root" in the file)
  std::string pod;
  std::string service;
  std::string operation;
  UnixNanos start = 0;
  UnixNanos end = 0;
};

// nullopt for the header line and for rows that do not parse.
std::optional<NezhaLogRow> parse_nezha_log_row(std::string_view csv_line);
std::optional<NezhaSpanRow> parse_nezha_span_row(std::string_view csv_line);

// The deployment name of a pod: "ts-order-service-5d6b8c-x2x9q" -> "ts-order-service".
std::string service_of_pod(std::string_view pod);

}  // namespace weft::loadgen
