// SyslogDecoder: one syslog message (a TCP frame or a UDP datagram) into one log record.
//
// The format is told by the message: "<PRI>VERSION SP" is RFC 5424, anything else RFC 3164
// (rfc5424_parser.h, rfc3164_parser.h). Mapping (docs/ingest.md, "Syslog"): severity from PRI
// (syslog_priority.h), facility -> attribute syslog.facility, HOSTNAME -> resource host.name,
// APP-NAME or TAG -> resource service.name, PROCID -> attribute process.pid (an integer when
// numeric, else syslog.procid), MSGID -> syslog.msgid, each SD-PARAM -> "<SD-ID>.<name>" (an
// element without params -> "<SD-ID>": true), TIMESTAMP -> time, MSG -> body.
//
// Nothing is rejected: a message that does not parse (a broken RFC 5424 header, text with
// neither PRI nor timestamp) is kept whole as the body, with the severity of its PRI when it
// has a valid one and the attribute syslog.parse_error saying what was wrong. Trailing CR, LF
// and NUL are trimmed; a frame with nothing else is skipped.
//
// Not thread-safe: one decoder per connection.
#pragma once

#include <string_view>

#include "common/status.h"
#include "ingest/stream/frame_decoder.h"
#include "ingest/stream/resource_cache.h"
#include "ingest/syslog/syslog_message.h"

namespace weft::ingest {

// Parses one message in whichever format it is in.
Status parse_syslog_message(std::string_view text, UnixNanos now, SyslogMessage& out);

class SyslogDecoder final : public FrameDecoder {
 public:
  Status decode_frame(std::string_view frame, UnixNanos now, LogBatch& out) override;

 private:
  void append_parsed(UnixNanos now, LogBatch& out);
  void append_unparsed(std::string_view frame, const Status& why, UnixNanos now, LogBatch& out);

  SyslogMessage message_;  // reused from frame to frame
  ResourceCache resources_;
};

}  // namespace weft::ingest
