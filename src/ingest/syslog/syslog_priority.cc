#include "ingest/syslog/syslog_priority.h"

#include <array>

namespace weft::ingest {

namespace {

constexpr int kMaxPriority = 191;  // facility 23 (local7), severity 7 (debug)

constexpr std::array<int, 8> kSeverityNumbers{21, 19, 18, 17, 13, 10, 9, 5};
constexpr std::array<std::string_view, 8> kSeverityTexts{"emerg",   "alert",  "crit", "err",
                                                         "warning", "notice", "info", "debug"};

}  // namespace

std::optional<ParsedPriority> parse_syslog_priority(std::string_view text) {
  if (text.size() < 3 || text[0] != '<') return std::nullopt;
  int value = 0;
  size_t i = 1;
  for (; i < text.size() && i <= 4 && text[i] >= '0' && text[i] <= '9'; ++i)
    value = value * 10 + (text[i] - '0');
  size_t digits = i - 1;
  if (digits == 0 || digits > 3 || i == text.size() || text[i] != '>' || value > kMaxPriority)
    return std::nullopt;
  return ParsedPriority{{value / 8, value % 8}, i + 1};
}

int syslog_severity_number(int severity) {
  return severity >= 0 && severity < 8 ? kSeverityNumbers[severity] : 0;
}

std::string_view syslog_severity_text(int severity) {
  return severity >= 0 && severity < 8 ? kSeverityTexts[severity] : std::string_view();
}

}  // namespace weft::ingest
