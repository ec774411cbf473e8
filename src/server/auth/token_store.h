// TokenStore: the tokens a running server accepts, read from the token file, and re-read when
// the file changes (checked at most once a second), so `weft token create|revoke` takes effect
// without a restart. A file that has become unreadable or malformed keeps the last good tokens
// (and is logged).
//
// Thread safety: authenticate() from any thread concurrently.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "server/auth/token.h"

namespace weft::server::auth {

class TokenStore {
 public:
  // Reads `path`; an error for an unreadable or malformed file.
  static Result<std::unique_ptr<TokenStore>> open(std::string path);

  // The token whose text is `token`, nullopt for an unknown, revoked or malformed one.
  std::optional<TokenRecord> authenticate(std::string_view token) const;
  size_t size() const;

 private:
  explicit TokenStore(std::string path) : path_(std::move(path)) {}
  Status reload() const;  // mu_ held
  void reload_if_changed() const;

  std::string path_;
  mutable std::mutex mu_;
  mutable std::vector<TokenRecord> tokens_;                          // guarded by mu_
  mutable std::optional<std::filesystem::file_time_type> mtime_;     // guarded by mu_
  mutable std::chrono::steady_clock::time_point next_check_{};       // guarded by mu_
};

}  // namespace weft::server::auth
