// Routes grpc's own log lines (gpr_log) into weft's logfmt log on stderr, so that a bind error
// or a transport problem reported by grpc reads like the rest of weft's log:
//
//   ts=... level=error msg="grpc: ..." source=chttp2_server.cc:1234
//
// grpc's verbosity (GRPC_VERBOSITY, default ERROR) still decides what grpc emits.
// Thread-safe; installing more than once is harmless.
#pragma once

namespace weft::server {

void install_grpc_log_bridge();

}  // namespace weft::server
