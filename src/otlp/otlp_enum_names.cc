#include "otlp/otlp_enum_names.h"

#include <array>

namespace weft::otlp {

namespace {

// The position of `name` (after `prefix`) in `names`, which lists values 0, 1, 2, ...
template <size_t N>
std::optional<int32_t> index_of(std::string_view name, std::string_view prefix,
                                const std::array<std::string_view, N>& names) {
  if (!name.starts_with(prefix)) return std::nullopt;
  name.remove_prefix(prefix.size());
  for (size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<int32_t>(i);
  return std::nullopt;
}

}  // namespace

std::optional<int32_t> severity_number_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kLevels = {"TRACE", "DEBUG", "INFO",
                                                              "WARN",  "ERROR", "FATAL"};
  constexpr std::string_view kPrefix = "SEVERITY_NUMBER_";
  if (!name.starts_with(kPrefix)) return std::nullopt;
  name.remove_prefix(kPrefix.size());
  if (name == "UNSPECIFIED") return 0;
  int32_t step = 0;  // "INFO" is step 0, "INFO2" step 1 ... "INFO4" step 3
  if (!name.empty() && name.back() >= '2' && name.back() <= '4') {
    step = name.back() - '1';
    name.remove_suffix(1);
  }
  for (size_t i = 0; i < kLevels.size(); ++i)
    if (kLevels[i] == name) return static_cast<int32_t>(1 + 4 * i) + step;
  return std::nullopt;
}

std::optional<int32_t> span_kind_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kNames = {
      "UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
  return index_of(name, "SPAN_KIND_", kNames);
}

std::optional<int32_t> status_code_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 3> kNames = {"UNSET", "OK", "ERROR"};
  return index_of(name, "STATUS_CODE_", kNames);
}

}  // namespace weft::otlp
