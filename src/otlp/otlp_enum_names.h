// The names of OTLP enum values, which OTLP/JSON senders may use in place of the numbers
// ("SEVERITY_NUMBER_INFO", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace weft::otlp {

// SEVERITY_NUMBER_UNSPECIFIED = 0, SEVERITY_NUMBER_TRACE = 1, ... SEVERITY_NUMBER_FATAL4 = 24.
std::optional<int32_t> severity_number_from_name(std::string_view name);
// SPAN_KIND_UNSPECIFIED = 0 ... SPAN_KIND_CONSUMER = 5.
std::optional<int32_t> span_kind_from_name(std::string_view name);
// STATUS_CODE_UNSET = 0, STATUS_CODE_OK = 1, STATUS_CODE_ERROR = 2.
std::optional<int32_t> status_code_from_name(std::string_view name);

}  // namespace weft::otlp
