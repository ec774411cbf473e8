#include "client/grpc_unary_client.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include "client/grpc_bytes.h"

namespace weft::client {

namespace {

std::shared_ptr<grpc::Channel> make_channel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);  // a connection of its own
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

void prepare_context(grpc::ClientContext& context, const GrpcCallOptions& options) {
  for (const auto& [key, value] : options.metadata) context.AddMetadata(key, value);
  if (options.gzip) context.set_compression_algorithm(GRPC_COMPRESS_GZIP);
  context.set_deadline(std::chrono::system_clock::now() + options.timeout);
}

}  // namespace

struct GrpcUnaryClient::Impl {
  explicit Impl(const std::string& target) : channel(make_channel(target)), stub(channel) {}

  std::shared_ptr<grpc::Channel> channel;
  grpc::GenericStub stub;
  grpc::CompletionQueue queue;
};

GrpcUnaryClient::GrpcUnaryClient(const std::string& target)
    : impl_(std::make_unique<Impl>(target)) {}

GrpcUnaryClient::~GrpcUnaryClient() {
  impl_->queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (impl_->queue.Next(&tag, &ok)) {
  }
}

GrpcCallResult GrpcUnaryClient::call(std::string_view method, const grpc::ByteBuffer& request,
                                     const GrpcCallOptions& options) {
  grpc::ClientContext context;
  prepare_context(context, options);
  grpc::ByteBuffer response;
  grpc::Status status;
  auto call = impl_->stub.PrepareUnaryCall(&context, std::string(method), request, &impl_->queue);
  call->StartCall();
  int finished = 0;
  call->Finish(&response, &status, &finished);
  void* tag = nullptr;
  bool ok = false;
  // The only operation in flight is this call's Finish: its tag is the next to come out.
  if (!impl_->queue.Next(&tag, &ok) || tag != &finished)
    return {grpc::StatusCode::INTERNAL, "the completion queue was shut down", "", ""};
  GrpcCallResult result{static_cast<int>(status.error_code()), status.error_message(),
                        status.error_details(), ""};
  if (status.ok()) result.response = byte_buffer_to_string(response);
  return result;
}

std::string grpc_code_name(int code) {
  static constexpr const char* kNames[] = {
      "OK",           "CANCELLED",         "UNKNOWN",           "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND",    "ALREADY_EXISTS",    "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",   "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL",         "UNAVAILABLE",       "DATA_LOSS",
      "UNAUTHENTICATED"};
  if (code >= 0 && code < static_cast<int>(std::size(kNames))) return kNames[code];
  return "CODE_" + std::to_string(code);
}

}  // namespace weft::client
