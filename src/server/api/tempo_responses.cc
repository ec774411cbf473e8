#include "server/api/tempo_responses.h"

#include "common/log.h"
#include "server/http/responses.h"

namespace weft::server::api {

HttpResponse tempo_error(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kResourceExhausted:
      return text_response(http::status::bad_request, status.message());
    default:
      log::error("tempo query failed", {{"error", status.to_string()}});
      return text_response(http::status::internal_server_error, status.message());
  }
}

}  // namespace weft::server::api
