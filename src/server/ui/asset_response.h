// The HTTP answer for one embedded UI file: the gzip variant when the client accepts it,
// 304 Not Modified when its If-None-Match names the ETag of what would be sent, and cache
// headers — a year and `immutable` for content-hashed files, revalidation for the rest
// (index.html must change the moment weft is upgraded).
#pragma once

#include "server/http/http_types.h"
#include "server/ui/ui_asset.h"

namespace weft::server::ui {

HttpResponse asset_response(const UiAsset& asset, const HttpRequest& request);

}  // namespace weft::server::ui
