// libFuzzer target: JSON lines ingest. The input is read as an HTTP body (line by line, with
// partial acceptance) and as a TCP byte stream fed in chunks whose sizes come from the input,
// its frames decoded one by one and, in place, from a FrameBatch.
// Nothing may crash; both readings must agree on the records; every line is either a record,
// a rejection or blank; the records must survive the WAL's protobuf encoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/jsonlines/jsonlines_http.h"
#include "ingest/stream/frame_batch.h"
#include "ingest/stream/stream_framer.h"
#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

namespace {

using namespace weft;

constexpr UnixNanos kNow = 1'795'000'000'000'000'000;

void check_round_trip(const LogBatch& batch) {
  auto back = otlp::decode_logs_proto(otlp::encode_logs_proto(batch), {}, nullptr);
  if (!back.is_ok() || back->records.size() != batch.records.size()) __builtin_trap();
}

// The TCP path: frames, each decoded on its own, and the same frames gathered in a FrameBatch
// and decoded in place (padded), which must agree. Returns the number of records.
size_t decode_stream(std::string_view input) {
  ingest::StreamFramer framer(ingest::Framing::kLines, 1 << 16);
  ingest::JsonLinesDecoder decoder;
  ingest::FrameBatch frames;
  LogBatch batch;
  size_t rejected = 0;
  size_t chunk = input.empty() ? 1 : 1 + static_cast<uint8_t>(input[0]) % 128;
  auto take = [&](const ingest::Frame& f) {
    if (f.kind != ingest::Frame::Kind::kMessage) return;
    frames.add(f.bytes, f.wire_bytes, kNow);
    size_t before = batch.records.size();
    Status s = decoder.decode_frame(f.bytes, kNow, batch);
    if (!s.is_ok() && batch.records.size() != before) __builtin_trap();
    if (s.is_ok() && batch.records.size() - before > 1) __builtin_trap();
    if (!s.is_ok()) ++rejected;
  };
  for (size_t at = 0; at < input.size(); at += chunk) {
    framer.append(input.substr(at, chunk));
    while (auto f = framer.next()) take(*f);
  }
  if (auto f = framer.finish()) take(*f);
  LogBatch padded;
  ingest::FrameRejects rejects;
  frames.decode(decoder, padded, &rejects);
  if (padded.records.size() != batch.records.size() || rejects.frames != rejected) __builtin_trap();
  check_round_trip(batch);
  return batch.records.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ingest::JsonLinesDecoder decoder;
  ingest::JsonLinesReport report;
  LogBatch batch = ingest::decode_json_lines_body(input, decoder, kNow, &report);
  if (report.accepted != batch.records.size()) __builtin_trap();
  if (report.errors.size() > ingest::JsonLinesReport::kMaxReportedErrors) __builtin_trap();
  if (report.rejected > 0 && report.errors.empty()) __builtin_trap();
  (void)ingest::json_lines_partial_body(report);
  (void)ingest::json_lines_error_body(report);
  check_round_trip(batch);
  // Lines over 64 KiB are skipped by the stream framer, not by the body decoder.
  if (input.size() < (1 << 16) && decode_stream(input) != batch.records.size()) __builtin_trap();
  return 0;
}
