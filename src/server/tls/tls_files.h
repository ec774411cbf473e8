// TLS settings of weft's listeners (tls.cert_file, tls.key_file, tls.client_ca_file) and the
// PEM files they name, read and checked once at start-up: a missing or unreadable file, a file
// that is not a PEM certificate or private key, or a key that does not belong to the
// certificate is an error naming the file and the setting (docs/security.md, "TLS").
//
// Functions only; thread-safe.
#pragma once

#include <string>

#include "common/status.h"

namespace weft::server {

struct TlsSettings {
  std::string cert_file;       // PEM certificate chain, the server's own first
  std::string key_file;        // PEM private key of the first certificate
  std::string client_ca_file;  // PEM CA certificates; "" accepts clients without certificates

  bool enabled() const { return !cert_file.empty() || !key_file.empty() || !client_ca_file.empty(); }
};

// The checked contents of the files.
struct TlsMaterial {
  std::string cert_chain_pem;
  std::string key_pem;
  std::string client_ca_pem;  // "" without mTLS
};

Result<TlsMaterial> load_tls_material(const TlsSettings& settings);

}  // namespace weft::server
