#include "app/auth_setup.h"

#include <filesystem>
#include <utility>
#include <vector>

#include "common/log.h"

namespace weft::app {

namespace {

std::string_view host_of(std::string_view host_port) {
  size_t colon = host_port.rfind(':');
  std::string_view host = colon == std::string_view::npos ? host_port : host_port.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return host;
}

}  // namespace

std::string tokens_file_path(const Config& config) {
  if (!config.auth_tokens_file.empty()) return config.auth_tokens_file;
  return (std::filesystem::path(config.data_dir) / "tokens").string();
}

bool is_loopback_address(std::string_view host_port) {
  if (host_port.empty()) return true;
  std::string_view host = host_of(host_port);
  return host == "localhost" || host == "::1" || host.substr(0, 4) == "127.";
}

std::string exposed_listener(const Config& config) {
  const std::vector<std::pair<std::string_view, const std::string*>> listeners = {
      {"listen", &config.listen},
      {"otlp_http_listen", &config.otlp_http_listen},
      {"otlp_grpc_listen", &config.otlp_grpc_listen},
      {"syslog.listen", &config.syslog_listen},
      {"jsonlines.listen", &config.jsonlines_listen}};
  for (const auto& [key, address] : listeners)
    if (!is_loopback_address(*address)) return std::string(key) + "=" + *address;
  return "";
}

Result<std::shared_ptr<const server::auth::TokenStore>> serve_token_store(const Config& config) {
  std::string exposed = exposed_listener(config);
  if (config.auth_enabled == "false") {
    if (!exposed.empty())
      log::warn("auth is off (auth.enabled: false) on a listener beyond loopback: anyone who "
                "can reach it can read and write every tenant",
                {{"listener", exposed}});
    return std::shared_ptr<const server::auth::TokenStore>();
  }
  if (config.auth_enabled == "auto" && exposed.empty())
    return std::shared_ptr<const server::auth::TokenStore>();
  std::string path = tokens_file_path(config);
  std::string why = config.auth_enabled == "true" ? "auth.enabled is true"
                                                  : exposed + " binds beyond loopback";
  auto store = server::auth::TokenStore::open(path);
  if (!store) return Status::invalid("auth is on (" + why + "): " + store.status().message());
  if ((*store)->size() == 0)
    return Status::invalid(
        "auth is on (" + why + ") but the token file " + path +
        " holds no tokens: create one with `weft token create --role admin --tenant '*'` "
        "(same --data-dir / --auth-tokens-file), or set auth.enabled: false "
        "(--auth-enabled false) to serve without auth");
  log::info("auth on", {{"reason", why}, {"tokens_file", path},
                        {"tokens", std::to_string((*store)->size())}});
  return std::shared_ptr<const server::auth::TokenStore>(std::move(*store));
}

}  // namespace weft::app
