// The token file (setting auth.tokens_file): one token a line, tab-separated,
//   <id> <role> <tenants, comma-separated or *> <sha256 of the secret, hex> <created, unix s> <name>
// with '#' comment lines. Written whole to a temporary file, then renamed over the old one, with
// mode 0600, so a server reading it never sees half a file. `weft token` edits it.
//
// Functions only; two processes writing the same file at once may lose one's change.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "server/auth/token.h"

namespace weft::server::auth {

// The tokens in the file; an empty list when it does not exist. kInvalidArgument naming the
// line for a malformed one.
Result<std::vector<TokenRecord>> read_token_file(const std::string& path);

Status write_token_file(const std::string& path, const std::vector<TokenRecord>& tokens);

}  // namespace weft::server::auth
