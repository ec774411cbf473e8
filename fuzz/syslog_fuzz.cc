// libFuzzer target: syslog ingest. The input is read three ways: as one UDP datagram, as a TCP
// byte stream (RFC 6587 framing) fed in chunks whose sizes come from the input itself, and, for
// each frame, through the RFC 5424 and RFC 3164 parsers directly. Nothing may crash; every
// non-blank message must give exactly one record (syslog rejects nothing); the records must
// survive the WAL's protobuf encoding with the same count.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/stream/frame_batch.h"
#include "ingest/stream/stream_framer.h"
#include "ingest/syslog/rfc3164_parser.h"
#include "ingest/syslog/rfc5424_parser.h"
#include "ingest/syslog/syslog_decoder.h"
#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

namespace {

using namespace weft;

constexpr UnixNanos kNow = 1'795'000'000'000'000'000;

void check_round_trip(const LogBatch& batch) {
  auto back = otlp::decode_logs_proto(otlp::encode_logs_proto(batch), {}, nullptr);
  if (!back.is_ok() || back->records.size() != batch.records.size()) __builtin_trap();
  for (const LogRecord& r : batch.records)
    if (!r.resource || !r.scope) __builtin_trap();
}

bool blank(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '\0'))
    text.remove_suffix(1);
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

void decode_one(ingest::SyslogDecoder& decoder, std::string_view message, LogBatch& out) {
  size_t before = out.records.size();
  if (!decoder.decode_frame(message, kNow, out).is_ok()) __builtin_trap();
  size_t want = blank(message) ? 0 : 1;
  if (out.records.size() - before != want) __builtin_trap();
  ingest::SyslogMessage parsed;
  (void)ingest::parse_rfc5424(message, parsed);
  (void)ingest::parse_rfc3164(message, kNow, parsed);
}

void decode_stream(std::string_view input) {
  ingest::StreamFramer framer(ingest::Framing::kSyslog, 512);
  ingest::SyslogDecoder decoder;
  ingest::FrameBatch frames;
  LogBatch direct;
  uint64_t wire = 0;
  size_t chunk = input.empty() ? 1 : 1 + static_cast<uint8_t>(input[0]) % 64;
  auto take = [&](const ingest::Frame& f) {
    wire += f.wire_bytes;
    if (f.kind == ingest::Frame::Kind::kTooLarge) return;
    if (f.bytes.size() > 512) __builtin_trap();
    frames.add(f.bytes, f.wire_bytes, kNow);
    decode_one(decoder, f.bytes, direct);
  };
  for (size_t at = 0; at < input.size(); at += chunk) {
    framer.append(input.substr(at, chunk));
    while (auto f = framer.next()) take(*f);
  }
  if (auto f = framer.finish()) take(*f);
  if (wire + framer.dropped_bytes() > input.size()) __builtin_trap();
  LogBatch batch;
  ingest::FrameRejects rejects;
  frames.decode(decoder, batch, &rejects);
  if (rejects.frames != 0 || batch.records.size() != direct.records.size()) __builtin_trap();
  check_round_trip(batch);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ingest::SyslogDecoder decoder;
  LogBatch datagram;
  decode_one(decoder, input, datagram);
  check_round_trip(datagram);
  decode_stream(input);
  return 0;
}
