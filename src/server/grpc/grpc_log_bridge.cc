#include "server/grpc/grpc_log_bridge.h"

#include <grpc/support/log.h>

#include <mutex>
#include <string>
#include <string_view>

#include "common/log.h"

namespace weft::server {

namespace {

log::Level weft_level(gpr_log_severity severity) {
  switch (severity) {
    case GPR_LOG_SEVERITY_ERROR: return log::Level::kError;
    case GPR_LOG_SEVERITY_INFO: return log::Level::kInfo;
    default: return log::Level::kDebug;
  }
}

// "src/core/ext/transport/chttp2/server/chttp2_server.cc" -> "chttp2_server.cc"
std::string_view base_name(const char* path) {
  std::string_view p = path ? path : "";
  size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

void write_grpc_line(gpr_log_func_args* args) {
  std::string source = std::string(base_name(args->file)) + ":" + std::to_string(args->line);
  log::write(weft_level(args->severity), std::string("grpc: ") + (args->message ? args->message : ""),
             {{"source", source}});
}

}  // namespace

void install_grpc_log_bridge() {
  static std::once_flag once;
  std::call_once(once, [] { gpr_set_log_function(write_grpc_line); });
}

}  // namespace weft::server
