// FinishedCall: the reactor of a call weft answers at once with a status, without reading its
// message (a method weft does not serve). Deletes itself when grpc is done with the call.
// Thread safety: driven by grpc; see grpc::ServerBidiReactor.
#pragma once

#include <grpcpp/generic/async_generic_service.h>

namespace weft::server {

class FinishedCall final : public grpc::ServerGenericBidiReactor {
 public:
  explicit FinishedCall(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace weft::server
