#include "server/ui/ui_asset.h"

namespace weft::server::ui {

// A handful of files: a linear scan beats any index.
const UiAsset* find_ui_asset(std::span<const UiAsset> assets, std::string_view path) {
  for (const UiAsset& asset : assets) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace weft::server::ui
