// The web UI's routes: index.html at "/" and at every path the single-page app owns
// (/explore, /services, /trace/{id}), the bundle under /assets/, and the other top-level
// files of the build (favicon.svg). Nothing else: API paths (/api, /loki, /v1, /metrics,
// /ready) and unknown paths keep their own answers and JSON 404s.
//
// When the UI is not built in (-DWEFT_UI=OFF), "/" and the app's paths answer 404 with a
// JSON error that says so.
#pragma once

#include <span>

#include "server/http/router.h"
#include "server/ui/ui_asset.h"

namespace weft::server::ui {

// The paths of the single-page app (ui/src/app.tsx), each answered with index.html.
inline constexpr std::string_view kAppPaths[] = {"/", "/explore", "/services", "/trace/{trace_id}"};

// The handler of the app's pages (index.html, or the 404 saying the UI is not built in), for
// routes that share a path with the app ("/" with the Elasticsearch version document).
RouteHandler app_page_handler(std::span<const UiAsset> assets);

// `assets` must outlive the router (embedded_ui_assets() is static).
void add_ui_routes(Router& router, std::span<const UiAsset> assets);

}  // namespace weft::server::ui
