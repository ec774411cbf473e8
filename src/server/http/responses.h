// Builders of the common responses: JSON bodies, JSON errors ({"error": ..., "parameter": ...},
// the shape docs/api.md gives every native API error), and plain text.
#pragma once

#include <string>
#include <string_view>

#include "server/http/http_types.h"

namespace weft::server {

inline constexpr std::string_view kJsonContentType = "application/json";

HttpResponse json_response(http::status status, std::string body);

// {"error": message} or, when `parameter` is not empty, {"error": message, "parameter": ...}.
HttpResponse json_error(http::status status, std::string_view message,
                        std::string_view parameter = {});

HttpResponse text_response(http::status status, std::string body);

}  // namespace weft::server
