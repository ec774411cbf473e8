// Whether `weft serve` runs with auth, and with which tokens (docs/security.md):
//   auth.enabled: true   on; the token file must hold at least one token
//   auth.enabled: auto   on when any listener binds beyond loopback, off otherwise
//   auth.enabled: false  off, even beyond loopback (a warning is logged)
// Starting with auth on and no token is an error that says how to create one.
//
// Functions only; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "app/config.h"
#include "common/status.h"
#include "server/auth/token_store.h"

namespace weft::app {

// auth.tokens_file, or <data_dir>/tokens.
std::string tokens_file_path(const Config& config);

// Whether a listen address only accepts local connections: 127.x.x.x, [::1], localhost. ""
// (a disabled listener) counts as loopback.
bool is_loopback_address(std::string_view host_port);

// The first listener binding beyond loopback ("listen=0.0.0.0:3100"); "" when there is none.
std::string exposed_listener(const Config& config);

// The token store to serve with; nullptr for auth off. Errors explain what to do.
Result<std::shared_ptr<const server::auth::TokenStore>> serve_token_store(const Config& config);

}  // namespace weft::app
