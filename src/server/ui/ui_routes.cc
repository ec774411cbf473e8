#include "server/ui/ui_routes.h"

#include "server/http/responses.h"
#include "server/ui/asset_response.h"

namespace weft::server::ui {

namespace {

constexpr std::string_view kAssetsPrefix = "/assets/";

RouteHandler serve(const UiAsset& asset) {
  return [&asset](Request request, Responder respond) {
    respond(asset_response(asset, request.message));
  };
}

RouteHandler serve_hashed_assets(std::span<const UiAsset> assets) {
  return [assets](Request request, Responder respond) {
    const UiAsset* asset = find_ui_asset(assets, request.path);
    if (!asset) return respond(json_error(http::status::not_found, "no such file: " + request.path));
    respond(asset_response(*asset, request.message));
  };
}

RouteHandler ui_not_built() {
  return [](Request, Responder respond) {
    respond(json_error(http::status::not_found,
                       "the web UI is not part of this weft build (configured with -DWEFT_UI=OFF); "
                       "the query API is at /api/v1/logs, /api/v1/traces/{id}, /api/v1/services"));
  };
}

}  // namespace

RouteHandler app_page_handler(std::span<const UiAsset> assets) {
  const UiAsset* index = find_ui_asset(assets, "/index.html");
  return index ? serve(*index) : ui_not_built();
}

void add_ui_routes(Router& router, std::span<const UiAsset> assets) {
  for (std::string_view path : kAppPaths) router.add(http::verb::get, std::string(path), app_page_handler(assets));
  if (!find_ui_asset(assets, "/index.html")) return;
  router.add(http::verb::get, std::string(kAssetsPrefix) + "{file}", serve_hashed_assets(assets));
  for (const UiAsset& asset : assets) {
    if (asset.path.starts_with(kAssetsPrefix)) continue;  // served by the route above
    router.add(http::verb::get, std::string(asset.path), serve(asset));
  }
}

}  // namespace weft::server::ui
