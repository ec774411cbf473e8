// `weft token`: creates, lists and revokes API tokens in the token file (docs/security.md).
// `create` prints the new token's text once, on stdout; only the hash of its secret is kept.
// A running `weft serve` picks changes up within a second (server/auth/token_store.h).
#include <algorithm>
#include <iostream>

#include "app/auth_setup.h"
#include "app/commands.h"
#include "common/time.h"
#include "server/auth/token_file.h"

namespace weft::app {

namespace {

namespace auth = server::auth;

int fail(int code, const std::string& message) {
  std::cerr << "weft token: " << message << "\n";
  return code;
}

int create(const std::string& path, const TokenCommand& command) {
  auto role = auth::parse_role(command.role);
  if (!role) return fail(2, "--role must be reader, writer or admin, got \"" + command.role + "\"");
  auto tenants = auth::parse_tenant_list(command.tenants);
  if (!tenants) return fail(2, "--tenant: " + tenants.status().message());
  if (command.name.find_first_of("\t\n\r") != std::string::npos)
    return fail(2, "--name may not hold tabs or line breaks");
  auto tokens = auth::read_token_file(path);
  if (!tokens) return fail(1, tokens.status().message());
  auto text = auth::generate_token();
  if (!text) return fail(1, text.status().message());
  auth::TokenRecord record{text->id, *role, std::move(*tenants), auth::sha256_hex(text->secret),
                           now_unix_nanos() / 1'000'000'000, command.name};
  tokens->push_back(std::move(record));
  Status written = auth::write_token_file(path, *tokens);
  if (!written.is_ok()) return fail(1, written.message());
  std::cout << auth::format_token_text(*text) << "\n";
  std::cerr << "token " << text->id << " (" << command.role << ", tenants " << command.tenants
            << ") added to " << path << "; its text above is shown only this once\n";
  return 0;
}

int list(const std::string& path) {
  auto tokens = auth::read_token_file(path);
  if (!tokens) return fail(1, tokens.status().message());
  std::cout << "id\trole\ttenants\tcreated\tname\n";
  for (const auto& t : *tokens) {
    std::string tenants;
    for (const auto& tenant : t.tenants) tenants += (tenants.empty() ? "" : ",") + tenant;
    std::cout << t.id << '\t' << auth::to_string(t.role) << '\t' << tenants << '\t'
              << format_rfc3339_nanos(t.created_unix * 1'000'000'000) << '\t' << t.name << "\n";
  }
  return 0;
}

int revoke(const std::string& path, const std::string& id) {
  auto tokens = auth::read_token_file(path);
  if (!tokens) return fail(1, tokens.status().message());
  auto it = std::find_if(tokens->begin(), tokens->end(),
                         [&](const auth::TokenRecord& t) { return t.id == id; });
  if (it == tokens->end()) return fail(1, "no token " + id + " in " + path);
  tokens->erase(it);
  Status written = auth::write_token_file(path, *tokens);
  if (!written.is_ok()) return fail(1, written.message());
  std::cerr << "token " << id << " revoked\n";
  return 0;
}

}  // namespace

int run_token(const Config& config, const TokenCommand& command) {
  std::string path = tokens_file_path(config);
  if (command.action == "create") return create(path, command);
  if (command.action == "list") return list(path);
  if (command.action == "revoke") return revoke(path, command.id);
  return fail(2, "expected create, list or revoke");
}

}  // namespace weft::app
