// OtlpExportCall: one OTLP/gRPC Export call (LogsService or TraceService), as a grpc++
// callback reactor.
//
// It reads the call's one request message, then refuses the call with INVALID_ARGUMENT for a
// bad x-scope-orgid, UNAUTHENTICATED / PERMISSION_DENIED when auth is on and the metadata
// "authorization" holds no token allowed to ingest for the tenant (grpc_call_auth.h), or a message that does not decode, or else submits the decoded batch
// (records with bad ids dropped, as partial success) through its OtlpExportDoor. Once the
// store has decided, it finishes the call with:
//   OK + Export*ServiceResponse      the records are durable (partial_success when some were
//                                    dropped), unless the client's deadline passed meanwhile:
//   DEADLINE_EXCEEDED                then (the client has given up; a retry may store twice)
//   RESOURCE_EXHAUSTED / UNAVAILABLE with google.rpc.RetryInfo: backpressure / starting or
//                                    stopping; INTERNAL for anything else.
// A call that ends before sending a message gets INVALID_ARGUMENT (CANCELLED if cancelled).
//
// Lifetime: constructed by OtlpGrpcService::CreateReactor; deletes itself in OnDone, which grpc
// runs only after Finish. Finish is called exactly once, as the call's last step, possibly
// from the store's callback on the WAL writer thread, so that callback never outlives the call.
// Thread safety: OnReadDone runs on a grpc thread and issues the store's callback, which may run
// on another thread; after the submission OnReadDone touches nothing.
#pragma once

#include <grpcpp/generic/async_generic_service.h>

#include <string>

#include "common/status.h"
#include "otlp/otlp_decode.h"
#include "server/grpc/otlp_export_door.h"

namespace weft::server {

class OtlpExportCall final : public grpc::ServerGenericBidiReactor {
 public:
  // Starts reading the request message.
  OtlpExportCall(grpc::GenericCallbackServerContext* context, OtlpExportDoor& door);

  void OnReadDone(bool ok) override;
  void OnDone() override { delete this; }

 private:
  void export_message(std::string message);
  template <typename Batch>
  void submit(Result<Batch> batch, std::string tenant, uint64_t bytes);
  void finish_stored(const Status& stored);
  void refuse(RejectReason reason, uint64_t bytes, const Status& why);

  grpc::GenericCallbackServerContext* context_;
  OtlpExportDoor& door_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;   // must live until OnDone
  otlp::DecodeReport report_;   // records dropped while decoding, for the response
};

}  // namespace weft::server
