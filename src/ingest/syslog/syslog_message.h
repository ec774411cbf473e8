// SyslogMessage: the parts of one syslog message (RFC 5424 or RFC 3164), as parsed from a
// frame. String parts are views into the frame, except structured-data values, which are
// unescaped copies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "ingest/syslog/syslog_priority.h"

namespace weft::ingest {

struct SdParam {
  std::string_view name;
  std::string value;  // with the \" \\ \] escapes undone
};

struct SdElement {
  std::string_view id;  // "exampleSDID@32473"
  std::vector<SdParam> params;
};

struct SyslogMessage {
  enum class Format { kRfc5424, kRfc3164 };

  Format format = Format::kRfc5424;
  std::optional<SyslogPriority> priority;  // absent only in RFC 3164 messages without PRI
  UnixNanos time = 0;                      // 0 when the message has none (NILVALUE)
  std::string_view hostname;               // "" when absent or NILVALUE ("-")
  std::string_view app_name;               // RFC 3164: the TAG
  std::string_view procid;                 // RFC 3164: the pid in "tag[pid]:"
  std::string_view msgid;                  // RFC 5424 only
  std::vector<SdElement> structured_data;  // RFC 5424 only
  std::string_view message;                // MSG without a leading BOM

  // Empties every part, keeping the vectors' capacity for the next message.
  void clear();
};

}  // namespace weft::ingest
