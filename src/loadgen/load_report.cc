#include "loadgen/load_report.h"

#include <cstdio>

#include "client/grpc_unary_client.h"
#include "common/json_writer.h"

namespace weft::loadgen {

namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A refusal's code as reported: the HTTP status ("429"), or the gRPC code's name.
std::string refusal_name(const LoadgenReport& r, int code) {
  return r.grpc() ? client::grpc_code_name(code) : std::to_string(code);
}

std::string refusals_text(const LoadgenReport& r) {
  if (r.driver.non_2xx.empty()) return "none";
  std::string out;
  for (auto [code, count] : r.driver.non_2xx) {
    if (!out.empty()) out += ", ";
    out += refusal_name(r, code) + ": " + std::to_string(count);
  }
  return out;
}

std::string latency_text(const LatencySummary& l) {
  return "p50 " + fixed(l.p50_ms, 2) + ", p90 " + fixed(l.p90_ms, 2) + ", p99 " +
         fixed(l.p99_ms, 2) + ", max " + fixed(l.max_ms, 2);
}

void write_latency(JsonWriter& w, const LatencySummary& l) {
  w.begin_object();
  w.key("p50"), w.value(l.p50_ms);
  w.key("p90"), w.value(l.p90_ms);
  w.key("p99"), w.value(l.p99_ms);
  w.key("max"), w.value(l.max_ms);
  w.end_object();
}

}  // namespace

std::string format_report_text(const LoadgenReport& r) {
  const DriverReport& d = r.driver;
  const LatencySummary& l = d.latency;
  std::string out;
  out += "weft loadgen: " + r.protocol + " " + r.signal + " from " + r.source + " to " +
         r.endpoint + ", " + std::to_string(r.connections) + " connections, " +
         (r.rate_target > 0 ? fixed(r.rate_target, 0) + " records/s target" : "flat out") +
         (r.gzip ? ", gzip" : "") + "\n";
  out += "  pre-encoded: " + std::to_string(r.pool_requests) + " requests, " +
         fixed(r.pool_mb, 1) + " MB in " + fixed(r.encode_seconds, 2) + " s\n";
  out += std::string(r.stream ? "  written (TCP, no acknowledgements): " : "  acknowledged: ") +
         std::to_string(d.records) + " records in " + std::to_string(d.requests) +
         (r.stream ? " writes, " : " requests, ") + fixed(r.seconds(), 2) + " s\n";
  out += "  throughput: " + fixed(r.records_per_second(), 0) + " records/s, " +
         fixed(r.mb_per_second(), 2) + " MB/s\n";
  out += std::string(r.stream ? "  write latency ms: " : "  ack latency ms: ") + latency_text(l) + "\n";
  if (d.scheduled_latency.count > 0)
    out += "  from due time ms: " + latency_text(d.scheduled_latency) + "\n";
  out += std::string(r.grpc() ? "  non-OK: " : "  non-2xx: ") + refusals_text(r) + " (" +
         std::to_string(d.records_rejected) +
         " records); I/O errors: " + std::to_string(d.io_errors);
  if (!d.first_error.empty()) out += " (first: " + d.first_error + ")";
  out += "\n";
  return out;
}

std::string format_report_json(const LoadgenReport& r) {
  const DriverReport& d = r.driver;
  JsonWriter w;
  w.begin_object();
  w.key("protocol"), w.value(r.protocol);
  w.key("signal"), w.value(r.signal);
  w.key("source"), w.value(r.source);
  w.key("endpoint"), w.value(r.endpoint);
  w.key("connections"), w.value(r.connections);
  w.key("acknowledged"), w.value(!r.stream);
  w.key("rate_target"), w.value(r.rate_target);
  w.key("pool_requests"), w.value(static_cast<uint64_t>(r.pool_requests));
  w.key("encode_seconds"), w.value(r.encode_seconds);
  w.key("seconds"), w.value(r.seconds());
  w.key("records"), w.value(d.records);
  w.key("requests"), w.value(d.requests);
  w.key("bytes"), w.value(d.bytes);
  w.key("records_per_s"), w.value(r.records_per_second());
  w.key("mb_per_s"), w.value(r.mb_per_second());
  w.key("latency_ms");
  write_latency(w, d.latency);
  if (d.scheduled_latency.count > 0) {
    w.key("scheduled_latency_ms");
    write_latency(w, d.scheduled_latency);
  }
  w.key("gzip"), w.value(r.gzip);
  w.key(r.grpc() ? "non_ok" : "non_2xx");
  w.begin_object();
  for (auto [code, count] : d.non_2xx) w.key(refusal_name(r, code)), w.value(count);
  w.end_object();
  w.key("records_rejected"), w.value(d.records_rejected);
  w.key("io_errors"), w.value(d.io_errors);
  if (!d.first_error.empty()) w.key("first_error"), w.value(d.first_error);
  w.end_object();
  return w.take();
}

}  // namespace weft::loadgen
