#include "loadgen/request_encoder.h"

#include "loadgen/elastic_bulk_encoder.h"
#include "loadgen/loki_push_encoder.h"
#include "loadgen/splunk_hec_encoder.h"
#include "loadgen/stream_encoders.h"
#include "otlp/otlp_encode.h"
#include "otlp/otlp_grpc_methods.h"

namespace weft::loadgen {

Result<Protocol> parse_protocol(std::string_view name) {
  if (name == "otlp-http") return Protocol::kOtlpHttp;
  if (name == "loki") return Protocol::kLoki;
  if (name == "elastic") return Protocol::kElastic;
  if (name == "splunk-hec") return Protocol::kSplunkHec;
  if (name == "otlp-grpc") return Protocol::kOtlpGrpc;
  if (name == "syslog") return Protocol::kSyslog;
  if (name == "jsonlines") return Protocol::kJsonLines;
  return Status::invalid("unknown protocol \"" + std::string(name) +
                         "\" (expected otlp-http, otlp-grpc, loki, elastic, splunk-hec, syslog or jsonlines)");
}

std::string_view protocol_name(Protocol protocol) {
  switch (protocol) {
    case Protocol::kOtlpHttp: return "otlp-http";
    case Protocol::kLoki: return "loki";
    case Protocol::kElastic: return "elastic";
    case Protocol::kSplunkHec: return "splunk-hec";
    case Protocol::kOtlpGrpc: return "otlp-grpc";
    case Protocol::kSyslog: return "syslog";
    case Protocol::kJsonLines: return "jsonlines";
  }
  return "?";
}

bool is_stream_protocol(Protocol protocol) {
  return protocol == Protocol::kSyslog || protocol == Protocol::kJsonLines;
}

Result<Signal> parse_signal(std::string_view name) {
  if (name == "logs") return Signal::kLogs;
  if (name == "traces") return Signal::kTraces;
  return Status::invalid("unknown signal \"" + std::string(name) + "\" (expected logs or traces)");
}

std::string_view signal_name(Signal signal) { return signal == Signal::kLogs ? "logs" : "traces"; }

std::string_view default_endpoint(Protocol protocol) {
  switch (protocol) {
    case Protocol::kOtlpGrpc: return "http://127.0.0.1:4317";
    case Protocol::kSyslog: return "tcp://127.0.0.1:5514";
    case Protocol::kJsonLines: return "tcp://127.0.0.1:5170";
    default: return "http://127.0.0.1:4318";
  }
}

namespace {

// The target of a protocol that carries logs only.
RequestTarget logs_target(Protocol protocol) {
  if (is_stream_protocol(protocol)) return {};
  if (protocol == Protocol::kLoki) return {"/loki/api/v1/push", "application/x-protobuf", {}};
  if (protocol == Protocol::kElastic) return {"/_bulk", std::string(kElasticContentType), {}};
  return {std::string(kSplunkHecPath), std::string(kSplunkHecContentType),
          {{"Authorization", std::string(kSplunkHecAuthorization)}}};
}

}  // namespace

Result<RequestTarget> request_target(Protocol protocol, Signal signal) {
  bool logs = signal == Signal::kLogs;
  switch (protocol) {
    case Protocol::kOtlpHttp:
      return RequestTarget{logs ? "/v1/logs" : "/v1/traces", "application/x-protobuf", {}};
    case Protocol::kOtlpGrpc:
      return RequestTarget{std::string(logs ? otlp::kGrpcLogsExportMethod
                                            : otlp::kGrpcTraceExportMethod),
                           "application/grpc"};
    case Protocol::kLoki:
    case Protocol::kElastic:
    case Protocol::kSplunkHec:
    case Protocol::kSyslog:
    case Protocol::kJsonLines:
      if (!logs)
        return Status::unsupported("protocol " + std::string(protocol_name(protocol)) +
                                   " carries logs only (use --signal logs)");
      return logs_target(protocol);
  }
  return Status::internal("unknown protocol");
}

Result<EncodedRequest> encode_request(Protocol protocol, Signal signal, RecordSource& source,
                                      size_t count) {
  WEFT_RETURN_IF_ERROR(request_target(protocol, signal).status());
  EncodedRequest out;
  out.records = count;
  if (signal == Signal::kTraces) {
    SpanBatch spans;
    WEFT_RETURN_IF_ERROR(source.next_spans(count, spans));
    out.body = otlp::encode_spans_proto(spans);
    return out;
  }
  LogBatch logs;
  WEFT_RETURN_IF_ERROR(source.next_logs(count, logs));
  if (protocol == Protocol::kLoki) out.body = encode_loki_push(logs);
  else if (protocol == Protocol::kElastic) out.body = encode_elastic_bulk(logs);
  else if (protocol == Protocol::kSplunkHec) out.body = encode_splunk_hec(logs);
  else if (protocol == Protocol::kSyslog) out.body = encode_syslog_frames(logs);
  else if (protocol == Protocol::kJsonLines) out.body = encode_json_lines(logs);
  else out.body = otlp::encode_logs_proto(logs);
  return out;
}

}  // namespace weft::loadgen
