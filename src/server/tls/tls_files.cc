#include "server/tls/tls_files.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace weft::server {

namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

Result<std::string> read_file(const std::string& path, std::string_view setting) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::invalid(std::string(setting) + ": cannot read " + path + ": " +
                           std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::unique_ptr<BIO, BioFree> memory_bio(const std::string& pem) {
  return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

std::unique_ptr<X509, X509Free> first_certificate(const std::string& pem) {
  auto bio = memory_bio(pem);
  return std::unique_ptr<X509, X509Free>(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

Status check_tls_files(const TlsMaterial& m, const TlsSettings& s) {
  auto cert = first_certificate(m.cert_chain_pem);
  if (!cert)
    return Status::invalid("tls.cert_file: " + s.cert_file + " holds no PEM certificate");
  auto key_bio = memory_bio(m.key_pem);
  std::unique_ptr<EVP_PKEY, KeyFree> key(
      PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr));
  if (!key)
    return Status::invalid("tls.key_file: " + s.key_file +
                           " holds no PEM private key (an encrypted key is not supported)");
  if (X509_check_private_key(cert.get(), key.get()) != 1)
    return Status::invalid("tls.key_file: " + s.key_file + " is not the key of the certificate in " +
                           s.cert_file);
  if (!s.client_ca_file.empty() && !first_certificate(m.client_ca_pem))
    return Status::invalid("tls.client_ca_file: " + s.client_ca_file +
                           " holds no PEM certificate");
  return Status::ok();
}

}  // namespace

Result<TlsMaterial> load_tls_material(const TlsSettings& settings) {
  if (settings.cert_file.empty() || settings.key_file.empty())
    return Status::invalid("TLS needs both tls.cert_file and tls.key_file");
  TlsMaterial material;
  auto cert = read_file(settings.cert_file, "tls.cert_file");
  if (!cert) return cert.status();
  material.cert_chain_pem = std::move(*cert);
  auto key = read_file(settings.key_file, "tls.key_file");
  if (!key) return key.status();
  material.key_pem = std::move(*key);
  if (!settings.client_ca_file.empty()) {
    auto ca = read_file(settings.client_ca_file, "tls.client_ca_file");
    if (!ca) return ca.status();
    material.client_ca_pem = std::move(*ca);
  }
  WEFT_RETURN_IF_ERROR(check_tls_files(material, settings));
  return material;
}

}  // namespace weft::server
