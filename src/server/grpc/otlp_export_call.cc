#include "server/grpc/otlp_export_call.h"

#include "client/grpc_bytes.h"
#include "common/time.h"
#include "ingest/otlp/otlp_grpc.h"
#include "server/grpc/grpc_call_auth.h"
#include "server/grpc/grpc_call_context.h"
#include "server/grpc/grpc_status.h"

namespace weft::server {

using ingest::OtlpEncoding;
using ingest::OtlpSignal;

OtlpExportCall::OtlpExportCall(grpc::GenericCallbackServerContext* context, OtlpExportDoor& door)
    : context_(context), door_(door) {
  StartRead(&request_);
}

void OtlpExportCall::OnReadDone(bool ok) {
  if (ok) return export_message(client::byte_buffer_to_string(request_));
  if (context_->IsCancelled()) return Finish(grpc::Status::CANCELLED);
  refuse(RejectReason::kMalformed, 0,
         Status::invalid("the call ended without a request message"));
}

void OtlpExportCall::export_message(std::string message) {
  request_.Clear();
  uint64_t bytes = message.size();
  door_.door.received(bytes);
  auto tenant = call_tenant(*context_);
  if (!tenant) return refuse(RejectReason::kBadTenant, bytes, tenant.status());
  if (door_.tokens) {
    auto denied = authorize_call(*context_, *door_.tokens, RouteAccess::kIngest, &*tenant);
    if (denied) {
      door_.door.refused(RejectReason::kUnauthorized, 0, bytes);
      return Finish(*denied);
    }
  }
  otlp::DecodeOptions options;
  options.observed_now = now_unix_nanos();
  if (door_.signal == OtlpSignal::kLogs) {
    auto batch = ingest::decode_otlp_logs(OtlpEncoding::kProtobuf, message, options, &report_);
    return submit(std::move(batch), std::move(*tenant), bytes);
  }
  auto batch = ingest::decode_otlp_spans(OtlpEncoding::kProtobuf, message, options, &report_);
  submit(std::move(batch), std::move(*tenant), bytes);
}

template <typename Batch>
void OtlpExportCall::submit(Result<Batch> batch, std::string tenant, uint64_t bytes) {
  if (!batch) return refuse(RejectReason::kMalformed, bytes, batch.status());
  batch->tenant = std::move(tenant);
  if (report_.rejected > 0) door_.door.partially_rejected(report_.rejected);
  door_.door.submit(std::move(*batch), bytes, [this](Status stored) { finish_stored(stored); });
}

void OtlpExportCall::finish_stored(const Status& stored) {
  ingest::GrpcReply reply = ingest::otlp_grpc_stored_reply(stored, deadline_passed(*context_));
  if (reply.code != ingest::kGrpcOk) return Finish(to_grpc_status(reply));
  response_ = client::string_to_byte_buffer(
      ingest::otlp_export_response(door_.signal, OtlpEncoding::kProtobuf, report_));
  StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
}

void OtlpExportCall::refuse(RejectReason reason, uint64_t bytes, const Status& why) {
  door_.door.refused(reason, 0, bytes);
  Finish(to_grpc_status(ingest::otlp_grpc_refusal(why)));
}

}  // namespace weft::server
