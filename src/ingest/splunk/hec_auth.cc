#include "ingest/splunk/hec_auth.h"

#include "common/base64.h"
#include "ingest/http/media_type.h"

namespace weft::ingest::splunk {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

HecCredentials refuse(HecCode code) { return HecCredentials{code, {}}; }

HecCredentials with_token(std::string_view token) {
  if (token.empty()) return refuse(HecCode::kTokenRequired);
  return HecCredentials{HecCode::kSuccess, std::string(token)};
}

// base64("<user>:<token>") -> the token.
HecCredentials basic_credentials(std::string_view encoded) {
  auto decoded = base64_decode(encoded);
  if (!decoded) return refuse(HecCode::kInvalidAuthorization);
  size_t colon = decoded->find(':');
  if (colon == std::string::npos) return refuse(HecCode::kInvalidAuthorization);
  return with_token(std::string_view(*decoded).substr(colon + 1));
}

}  // namespace

HecCredentials read_hec_credentials(std::string_view authorization_header) {
  std::string_view header = trim(authorization_header);
  if (header.empty()) return refuse(HecCode::kTokenRequired);
  size_t space = header.find_first_of(" \t");
  std::string_view scheme = header.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? std::string_view()
                                                          : trim(header.substr(space));
  if (equals_ignore_case(scheme, "Splunk")) return with_token(rest);
  if (equals_ignore_case(scheme, "Basic")) {
    if (rest.empty()) return refuse(HecCode::kTokenRequired);
    return basic_credentials(rest);
  }
  return refuse(HecCode::kInvalidAuthorization);
}

}  // namespace weft::ingest::splunk
