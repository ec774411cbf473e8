#include "server/grpc/otlp_grpc_service.h"

#include "ingest/otlp/otlp_grpc.h"
#include "server/grpc/finished_call.h"
#include "server/grpc/grpc_status.h"
#include "server/grpc/otlp_export_call.h"

namespace weft::server {

using ingest::OtlpGrpcMethod;

OtlpGrpcService::OtlpGrpcService(IngestGate& gate, std::shared_ptr<const auth::TokenStore> tokens)
    : logs_(gate, ingest::OtlpSignal::kLogs, ingest::kOtlpGrpcLogsMethod, tokens),
      traces_(gate, ingest::OtlpSignal::kTraces, ingest::kOtlpGrpcTracesMethod, tokens),
      metrics_(gate, ingest::kOtlpGrpcMetricsMethod) {}

grpc::ServerGenericBidiReactor* OtlpGrpcService::CreateReactor(
    grpc::GenericCallbackServerContext* context) {
  OtlpGrpcMethod method = ingest::otlp_grpc_method(context->method());
  switch (method) {
    case OtlpGrpcMethod::kLogs: return new OtlpExportCall(context, logs_);
    case OtlpGrpcMethod::kTraces: return new OtlpExportCall(context, traces_);
    case OtlpGrpcMethod::kMetrics: metrics_.refused(RejectReason::kUnimplemented, 0, 0); break;
    case OtlpGrpcMethod::kUnknown: break;
  }
  return new FinishedCall(to_grpc_status(ingest::otlp_grpc_unimplemented(method, context->method())));
}

}  // namespace weft::server
