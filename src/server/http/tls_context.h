// The TLS context of weft's HTTPS listeners (Boost.Asio ssl, OpenSSL): TLS 1.2 and later, the
// configured certificate chain and key, and with a client CA, mTLS: every client must present
// a certificate that CA signed.
//
// Thread safety: the context is built once before serving and then only read by sessions.
#pragma once

#include <memory>

#include <boost/asio/ssl/context.hpp>

#include "common/status.h"
#include "server/tls/tls_files.h"

namespace weft::server {

Result<std::shared_ptr<boost::asio::ssl::context>> make_tls_context(const TlsMaterial& material);

}  // namespace weft::server
