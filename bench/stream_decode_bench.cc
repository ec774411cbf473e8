// Decoding speed of the stream protocols on one core, without sockets or storage: the synthetic
// records of `weft loadgen` encoded as its syslog (RFC 5424, octet-counted) and JSON lines
// payloads, then cut into frames (StreamFramer), gathered (FrameBatch) and decoded
// (SyslogDecoder, JsonLinesDecoder) into log records as a stream connection does, and, for
// comparison, the OTLP/HTTP protobuf decoding of the same records. Prints records per second of
// this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so that other processes competing for the
// cores change the figure less than they change wall-clock rates.
//
//   build/bench/stream_decode_bench [seconds per protocol, default 3]
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "ingest/jsonlines/jsonlines_decoder.h"
#include "ingest/stream/frame_batch.h"
#include "ingest/stream/stream_framer.h"
#include "ingest/syslog/syslog_decoder.h"
#include "loadgen/record_source.h"
#include "loadgen/stream_encoders.h"
#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"

namespace {

using namespace weft;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

constexpr size_t kRecords = 20'000;
constexpr size_t kBatchFrames = 2000;

LogBatch synthetic_records() {
  loadgen::SourceOptions options;
  options.seed = 42;
  auto source = loadgen::make_record_source(options);
  LogBatch batch;
  if (!source.is_ok() || !(*source)->next_logs(kRecords, batch).is_ok()) std::exit(1);
  return batch;
}

// Frames `wire` and decodes it as a stream connection would; the number of records.
size_t decode_stream(ingest::Framing framing, const std::string& wire, ingest::FrameDecoder& decoder) {
  ingest::StreamFramer framer(framing, 1 << 20);
  size_t records = 0;
  ingest::FrameBatch frames;
  LogBatch out;
  auto flush = [&] {
    out.records.clear();
    frames.decode(decoder, out, nullptr);
    records += out.records.size();
    frames.clear();
  };
  for (size_t at = 0; at < wire.size(); at += 64 << 10) {
    auto area = framer.write_area(64 << 10);
    size_t n = std::min(area.size(), std::min<size_t>(64 << 10, wire.size() - at));
    std::copy(wire.data() + at, wire.data() + at + n, area.data());
    framer.commit(n);
    at -= (64 << 10) - n;
    while (auto frame = framer.next()) {
      frames.add(frame->bytes, frame->wire_bytes, 1);
      if (frames.frames() >= kBatchFrames) flush();
    }
  }
  if (auto frame = framer.finish()) frames.add(frame->bytes, frame->wire_bytes, 1);
  flush();
  return records;
}

void measure(const char* name, size_t wire_bytes, double seconds, const std::function<size_t()>& round) {
  size_t records = 0;
  double start = thread_cpu_seconds();
  double elapsed = 0;
  while (elapsed < seconds) {
    records += round();
    elapsed = thread_cpu_seconds() - start;
  }
  std::printf("%-22s %10.0f records/cpu-s  %7.1f MB/cpu-s  (%zu bytes/record)\n", name,
              records / elapsed,
              records * (static_cast<double>(wire_bytes) / kRecords) / elapsed / 1e6,
              wire_bytes / kRecords);
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  LogBatch records = synthetic_records();
  std::string syslog = loadgen::encode_syslog_frames(records);
  std::string jsonlines = loadgen::encode_json_lines(records);
  std::string otlp = otlp::encode_logs_proto(records);
  std::printf("decoding %zu synthetic records per round, %.0f CPU-seconds each\n", kRecords,
              seconds);

  ingest::SyslogDecoder syslog_decoder;
  measure("syslog (RFC 5424)", syslog.size(), seconds,
          [&] { return decode_stream(ingest::Framing::kSyslog, syslog, syslog_decoder); });
  ingest::JsonLinesDecoder json_decoder;
  measure("json lines", jsonlines.size(), seconds,
          [&] { return decode_stream(ingest::Framing::kLines, jsonlines, json_decoder); });
  measure("otlp protobuf", otlp.size(), seconds, [&] {
    auto batch = otlp::decode_logs_proto(otlp, {}, nullptr);
    return batch.is_ok() ? batch->records.size() : 0;
  });
  return 0;
}
