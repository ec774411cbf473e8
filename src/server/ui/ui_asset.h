// UiAsset: one file of the web UI (ui/), embedded in the weft binary at build time.
//
// cmake/weft_ui.cmake runs the UI's Vite build and ui/scripts/embed-assets.mjs, which writes
// embedded_ui_assets() into a generated source: every file of the build with its content type,
// a strong ETag, and a gzip-compressed variant when that is at least 10% smaller. Files under
// /assets/ have content hashes in their names (Vite) and never change under the same name.
//
// Thread safety: the table is immutable static data.
#pragma once

#include <span>
#include <string_view>

namespace weft::server::ui {

struct UiAsset {
  std::string_view path;          // URL path: "/index.html", "/assets/index-BR7PyXJy.js"
  std::string_view content_type;
  std::string_view etag;          // quoted, of `body`
  std::string_view body;
  std::string_view gzip_etag;     // quoted, of `gzip`; empty without a gzip variant
  std::string_view gzip;          // `body` gzip-compressed, or empty

  bool has_gzip() const { return !gzip.empty(); }
  // Whether the file's name carries its content hash, so it may be cached for good.
  bool immutable() const { return path.starts_with("/assets/"); }
};

// The files of the UI built into this binary; empty when weft was configured with
// -DWEFT_UI=OFF. Defined in the generated source.
std::span<const UiAsset> embedded_ui_assets();

// The asset at `path`, or nullptr.
const UiAsset* find_ui_asset(std::span<const UiAsset> assets, std::string_view path);

}  // namespace weft::server::ui
