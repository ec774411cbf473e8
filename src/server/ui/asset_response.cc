#include "server/ui/asset_response.h"

#include "server/http/content_negotiation.h"

namespace weft::server::ui {

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";
// The UI loads only its own files and talks only to its own origin.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

void set_common_headers(HttpResponse& response, const UiAsset& asset, std::string_view etag) {
  response.set(http::field::etag, etag);
  response.set(http::field::cache_control, asset.immutable() ? kImmutable : kRevalidate);
  response.set("X-Content-Type-Options", "nosniff");
  if (asset.has_gzip()) response.set(http::field::vary, "Accept-Encoding");
  if (asset.content_type.starts_with("text/html")) {
    response.set("Content-Security-Policy", kContentSecurityPolicy);
    response.set("Referrer-Policy", "no-referrer");
  }
}

}  // namespace

HttpResponse asset_response(const UiAsset& asset, const HttpRequest& request) {
  const bool gzip = asset.has_gzip() && accepts_gzip(request[http::field::accept_encoding]);
  const std::string_view etag = gzip ? asset.gzip_etag : asset.etag;
  if (etag_matches(request[http::field::if_none_match], etag)) {
    HttpResponse response{http::status::not_modified, request.version()};
    set_common_headers(response, asset, etag);
    return response;
  }
  HttpResponse response = make_response(http::status::ok, asset.content_type,
                                        std::string(gzip ? asset.gzip : asset.body));
  if (gzip) response.set(http::field::content_encoding, "gzip");
  set_common_headers(response, asset, etag);
  return response;
}

}  // namespace weft::server::ui
