// Reading Content-Type and Accept header values, shared by the ingest protocols.
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace weft::ingest {

// The media type of a Content-Type value: parameters dropped, blanks trimmed
// ("application/json; charset=utf-8" -> "application/json").
std::string_view media_type(std::string_view content_type);

// ASCII case-insensitive comparison and search.
bool equals_ignore_case(std::string_view a, std::string_view b);
bool contains_ignore_case(std::string_view text, std::string_view part);

}  // namespace weft::ingest
