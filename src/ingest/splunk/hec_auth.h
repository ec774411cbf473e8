// The token of a Splunk HEC request: the one place HEC credentials are read. The Security
// issue checks the token against weft's token store (and answers 403 "Invalid token", code 4,
// for an unknown one) right after this; until then any token is accepted.
//
// Accepted forms of the Authorization header (scheme names case-insensitive):
//   Splunk <token>                     the HEC scheme
//   Basic base64(<any user>:<token>)   HTTP Basic with the token as password
// No header (or an empty one): kTokenRequired (401, code 2). A header with no token after
// the scheme: kTokenRequired. Anything else: kInvalidAuthorization (401, code 3).
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ingest/splunk/hec_reply.h"

namespace weft::ingest::splunk {

struct HecCredentials {
  HecCode refusal = HecCode::kSuccess;  // kSuccess when `token` is set
  std::string token;

  bool ok() const { return refusal == HecCode::kSuccess; }
};

HecCredentials read_hec_credentials(std::string_view authorization_header);

}  // namespace weft::ingest::splunk
