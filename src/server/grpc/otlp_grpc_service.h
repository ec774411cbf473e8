// OtlpGrpcService: OTLP/gRPC ingest as a grpc++ generic callback service (docs/ingest.md,
// "OTLP/gRPC"). Every call of the server comes here; by its method:
//   /opentelemetry.proto.collector.logs.v1.LogsService/Export     -> OtlpExportCall (logs)
//   /opentelemetry.proto.collector.trace.v1.TraceService/Export   -> OtlpExportCall (traces)
//   /opentelemetry.proto.collector.metrics.v1.MetricsService/Export -> UNIMPLEMENTED, counted
//   anything else                                                 -> UNIMPLEMENTED
// Each method has its IngestDoor (metrics named after the method) into the shared IngestGate.
//
// Thread safety: grpc calls CreateReactor from many threads; the service holds no mutable
// state of its own. It must outlive the GrpcServer serving it (and so every call).
#pragma once

#include <grpcpp/generic/async_generic_service.h>

#include "server/grpc/otlp_export_door.h"
#include "server/ingest/ingest_gate.h"

namespace weft::server {

class OtlpGrpcService final : public grpc::CallbackGenericService {
 public:
  // `tokens`: check every call's credentials (auth on); nullptr accepts every call.
  explicit OtlpGrpcService(IngestGate& gate,
                           std::shared_ptr<const auth::TokenStore> tokens = nullptr);

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* context) override;

 private:
  OtlpExportDoor logs_;
  OtlpExportDoor traces_;
  IngestDoor metrics_;  // counts refused metrics exports
};

}  // namespace weft::server
