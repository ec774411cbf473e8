// The RFC 5424 syslog message format:
//
//   <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP
//   MSG]
//
// "-" is the NILVALUE of any header field and of STRUCTURED-DATA. TIMESTAMP is RFC 3339 with
// an optional fraction (any number of digits, nanoseconds kept) and "Z" or an offset.
// STRUCTURED-DATA is one or more [SD-ID *(SP PARAM-NAME="PARAM-VALUE")] elements, values with
// \" \\ \] escapes (a backslash before anything else stays as it is). A UTF-8 BOM at the start
// of MSG is dropped. Field lengths are not enforced (senders overrun them); characters are:
// header fields and SD names are printable US-ASCII.
#pragma once

#include <string_view>

#include "common/status.h"
#include "ingest/syslog/syslog_message.h"

namespace weft::ingest {

// Whether `text` starts like an RFC 5424 message: "<PRI>" and then a version digit and a
// space ("<165>1 ...").
bool looks_like_rfc5424(std::string_view text);

// Parses `text` (one frame) into `out`. kInvalidArgument naming the part that is malformed;
// `out` is then partly filled.
Status parse_rfc5424(std::string_view text, SyslogMessage& out);

}  // namespace weft::ingest
