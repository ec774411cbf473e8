#include "server/http/tls_context.h"

#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace weft::server {

namespace ssl = boost::asio::ssl;

namespace {

// Adds every certificate of `pem` to the context's store of trusted client CAs.
Status trust_client_cas(ssl::context& context, const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509_STORE* store = SSL_CTX_get_cert_store(context.native_handle());
  int added = 0;
  while (X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
    if (X509_STORE_add_cert(store, cert) == 1) ++added;
    X509_free(cert);
  }
  BIO_free(bio);
  if (added == 0) return Status::invalid("tls.client_ca_file: no usable CA certificate");
  return Status::ok();
}

}  // namespace

Result<std::shared_ptr<ssl::context>> make_tls_context(const TlsMaterial& material) {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                       ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  boost::system::error_code ec;
  context->use_certificate_chain(
      boost::asio::buffer(material.cert_chain_pem.data(), material.cert_chain_pem.size()), ec);
  if (ec) return Status::invalid("tls.cert_file: " + ec.message());
  context->use_private_key(boost::asio::buffer(material.key_pem.data(), material.key_pem.size()),
                           ssl::context::pem, ec);
  if (ec) return Status::invalid("tls.key_file: " + ec.message());
  if (!material.client_ca_pem.empty()) {
    WEFT_RETURN_IF_ERROR(trust_client_cas(*context, material.client_ca_pem));
    context->set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
  }
  return context;
}

}  // namespace weft::server
