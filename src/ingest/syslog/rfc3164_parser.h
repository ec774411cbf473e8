// The BSD syslog format (RFC 3164) as real senders write it:
//
//   [<PRI>]TIMESTAMP SP [HOSTNAME SP] [TAG["[" PID "]"]":" [SP]] MSG
//
// TIMESTAMP is "Mmm dd hh:mm:ss" (day space- or zero-padded, or one digit), optionally with a
// fraction (".123") and/or a year before the time ("Mmm dd yyyy hh:mm:ss", Cisco) and a
// trailing colon; or an RFC 3339 time (rsyslog's forwarding format). A BSD timestamp has no
// year and no zone: it is read as local time of this machine (TZ) in the current year, or
// in the previous year when that would put it more than 7 days in the future (a December
// message read in January).
//
// HOSTNAME is left out by some senders (logger to a local socket, many devices): the word
// after the timestamp is taken as the TAG when it ends with ':' or holds '[', else as the
// host. A TAG is recognised only when followed by ':' or '[pid]'; otherwise everything after
// the host is MSG. Without a valid TIMESTAMP, everything after PRI is MSG (RFC 3164 4.3.2).
#pragma once

#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "ingest/syslog/syslog_message.h"

namespace weft::ingest {

// Parses `text` into `out`; `now` picks the year of a BSD timestamp. kInvalidArgument when
// the text has neither a PRI nor a timestamp (it is not syslog at all).
Status parse_rfc3164(std::string_view text, UnixNanos now, SyslogMessage& out);

}  // namespace weft::ingest
