#include "model/severity.h"

#include <array>
#include <cctype>

namespace weft {

namespace {

struct LevelName {
  std::string_view name;
  int min_number;
};

constexpr std::array<LevelName, 14> kLevelNames{{
    {"trace", 1},  {"debug", 5},    {"info", 9},     {"information", 9}, {"notice", 10},
    {"warn", 13},  {"warning", 13}, {"error", 17},   {"err", 17},        {"fatal", 21},
    {"critical", 21}, {"crit", 21}, {"emerg", 21}, {"alert", 21},
}};

// ASCII case-insensitive equality, without allocating (this runs per record in searches).
bool equals_lower(std::string_view text, std::string_view lower_name) {
  if (text.size() != lower_name.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower_name[i]) return false;
  return true;
}

int from_single_letter(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case 't': return 1;
    case 'd': return 5;
    case 'i': return 9;
    case 'w': return 13;
    case 'e': return 17;
    case 'f': return 21;
    default: return 0;
  }
}

}  // namespace

std::optional<int> severity_level_min_number(std::string_view level) {
  for (const auto& n : kLevelNames)
    if (equals_lower(level, n.name)) return n.min_number;
  return std::nullopt;
}

int effective_severity(int severity_number, std::string_view severity_text) {
  if (severity_number >= 1 && severity_number <= 24) return severity_number;
  if (severity_text.empty()) return 0;
  if (severity_text.size() == 1) return from_single_letter(severity_text[0]);
  return severity_level_min_number(severity_text).value_or(0);
}

std::string_view severity_level_name(int n) {
  if (n >= 1 && n <= 4) return "trace";
  if (n >= 5 && n <= 8) return "debug";
  if (n >= 9 && n <= 12) return "info";
  if (n >= 13 && n <= 16) return "warn";
  if (n >= 17 && n <= 20) return "error";
  if (n >= 21 && n <= 24) return "fatal";
  return "unspecified";
}

}  // namespace weft
