#include "server/auth/token_store.h"

#include "common/log.h"
#include "server/auth/token_file.h"

namespace weft::server::auth {

namespace {

constexpr auto kCheckInterval = std::chrono::seconds(1);

std::optional<std::filesystem::file_time_type> modification_time(const std::string& path) {
  std::error_code error;
  auto time = std::filesystem::last_write_time(path, error);
  if (error) return std::nullopt;
  return time;
}

}  // namespace

Result<std::unique_ptr<TokenStore>> TokenStore::open(std::string path) {
  std::unique_ptr<TokenStore> store(new TokenStore(std::move(path)));
  std::lock_guard lock(store->mu_);
  WEFT_RETURN_IF_ERROR(store->reload());
  store->next_check_ = std::chrono::steady_clock::now() + kCheckInterval;
  return store;
}

Status TokenStore::reload() const {
  auto mtime = modification_time(path_);
  auto tokens = read_token_file(path_);
  if (!tokens) return tokens.status();
  tokens_ = std::move(*tokens);
  mtime_ = mtime;
  return Status::ok();
}

void TokenStore::reload_if_changed() const {
  auto now = std::chrono::steady_clock::now();
  if (now < next_check_) return;
  next_check_ = now + kCheckInterval;
  if (modification_time(path_) == mtime_) return;
  Status reloaded = reload();
  if (reloaded.is_ok())
    log::info("token file reloaded", {{"path", path_}, {"tokens", std::to_string(tokens_.size())}});
  else
    log::error("token file not reloaded; keeping the last tokens",
               {{"error", reloaded.to_string()}});
}

std::optional<TokenRecord> TokenStore::authenticate(std::string_view token) const {
  auto text = parse_token_text(token);
  if (!text) return std::nullopt;
  std::lock_guard lock(mu_);
  reload_if_changed();
  for (const auto& record : tokens_)
    if (record.id == text->id)
      return secret_matches(text->secret, record.secret_sha256) ? std::optional(record)
                                                                : std::nullopt;
  return std::nullopt;
}

size_t TokenStore::size() const {
  std::lock_guard lock(mu_);
  return tokens_.size();
}

}  // namespace weft::server::auth
