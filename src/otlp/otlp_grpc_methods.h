// The gRPC methods of the OTLP collector services (opentelemetry-proto,
// opentelemetry/proto/collector/{logs,trace,metrics}/v1/*_service.proto): each takes an
// Export*ServiceRequest and answers an Export*ServiceResponse, the messages of otlp_fields.h.
// Shared by the OTLP/gRPC server (src/server/grpc) and its clients (weft loadgen).
#pragma once

#include <string_view>

namespace weft::otlp {

inline constexpr std::string_view kGrpcLogsExportMethod =
    "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
inline constexpr std::string_view kGrpcTraceExportMethod =
    "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
inline constexpr std::string_view kGrpcMetricsExportMethod =
    "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

}  // namespace weft::otlp
