#include "server/auth/token_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace weft::server::auth {

namespace {

constexpr std::string_view kHeader =
    "# weft API tokens (weft token create|list|revoke). Columns, tab-separated:\n"
    "# id role tenants secret_sha256 created_unix name\n";

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(pos));
      return fields;
    }
    fields.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

Result<TokenRecord> parse_line(std::string_view line) {
  auto fields = split_tabs(line);
  if (fields.size() != 6) return Status::invalid("expected 6 tab-separated fields");
  TokenRecord record;
  record.id = std::string(fields[0]);
  if (!parse_token_text("weft_" + record.id + "_" + std::string(64, '0')))
    return Status::invalid("bad token id \"" + record.id + "\"");
  auto role = parse_role(fields[1]);
  if (!role) return Status::invalid("bad role \"" + std::string(fields[1]) + "\"");
  record.role = *role;
  auto tenants = parse_tenant_list(fields[2]);
  if (!tenants) return tenants.status();
  record.tenants = std::move(*tenants);
  record.secret_sha256 = std::string(fields[3]);
  if (record.secret_sha256.size() != 64) return Status::invalid("bad secret hash");
  auto [p, ec] = std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(),
                                 record.created_unix);
  if (ec != std::errc() || p != fields[4].data() + fields[4].size())
    return Status::invalid("bad creation time");
  record.name = std::string(fields[5]);
  return record;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ",") + part;
  return out;
}

}  // namespace

Result<std::vector<TokenRecord>> read_token_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    if (!std::filesystem::exists(path)) return std::vector<TokenRecord>{};
    return Status::io_error("cannot read the token file " + path + ": " + std::strerror(errno));
  }
  std::vector<TokenRecord> tokens;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    auto record = parse_line(line);
    if (!record)
      return Status::invalid(path + ":" + std::to_string(number) + ": " +
                             record.status().message());
    tokens.push_back(std::move(*record));
  }
  return tokens;
}

Status write_token_file(const std::string& path, const std::vector<TokenRecord>& tokens) {
  std::ostringstream text;
  text << kHeader;
  for (const auto& t : tokens)
    text << t.id << '\t' << to_string(t.role) << '\t' << join(t.tenants) << '\t'
         << t.secret_sha256 << '\t' << t.created_unix << '\t' << t.name << '\n';
  std::error_code ignored;  // a missing directory shows as the write error below
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!out) return Status::io_error("cannot write " + temporary + ": " + std::strerror(errno));
    out << text.str();
    out.close();
    if (!out) return Status::io_error("cannot write " + temporary);
  }
  ::chmod(temporary.c_str(), 0600);
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    return Status::io_error("cannot replace " + path + ": " + std::strerror(errno));
  return Status::ok();
}

}  // namespace weft::server::auth
