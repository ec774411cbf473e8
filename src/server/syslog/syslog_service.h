// Syslog ingest: RFC 5424 and RFC 3164 messages over TCP (RFC 6587: octet counting or LF/NUL
// framing, told apart per frame) and UDP (one message per datagram, RFC 5426) on one address
// (`syslog.listen`, default 127.0.0.1:5514), all stored under one tenant (`syslog.tenant`).
// Decoding: ingest/syslog/syslog_decoder.h; mapping: docs/ingest.md, "Syslog".
#pragma once

#include <string>

#include "server/stream/stream_service.h"

namespace weft::server {

// Messages longer than this (TCP) are skipped and counted as too_large; UDP datagrams are
// limited to 64 KiB by the protocol.
inline constexpr size_t kSyslogMaxMessageBytes = 64 << 10;

StreamService syslog_service(std::string listen, std::string tenant);

}  // namespace weft::server
