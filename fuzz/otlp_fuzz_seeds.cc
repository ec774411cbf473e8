// Writes a starting corpus for the OTLP fuzz targets: valid protobuf requests into the first
// directory, valid OTLP/JSON requests into the second (both created if missing).
//
//   otlp_fuzz_seeds build-fuzz/corpus/otlp_proto_fuzz build-fuzz/corpus/otlp_json_fuzz
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "otlp/otlp_encode.h"
#include "otlp/otlp_json_test_writer.h"
#include "otlp/otlp_test_data.h"

namespace {

using namespace weft;

bool write_seeds(const std::filesystem::path& dir, const std::vector<std::string>& seeds) {
  std::filesystem::create_directories(dir);
  for (size_t i = 0; i < seeds.size(); ++i) {
    std::ofstream out(dir / ("seed-" + std::to_string(i)), std::ios::binary | std::ios::trunc);
    out << seeds[i];
    if (!out) return false;
  }
  return true;
}

// Small batches alongside the rich ones: fuzzing mutates small inputs faster.
LogBatch one_log() {
  LogBatch b;
  b.records.push_back(otlp::testdata::full_log_record(0));
  b.records.back().body = otlp::testdata::every_kind_value();
  return b;
}

SpanBatch one_span() {
  SpanBatch b;
  b.spans.push_back(otlp::testdata::full_span(0));
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: otlp_fuzz_seeds <proto corpus dir> <json corpus dir>\n";
    return 2;
  }
  const LogBatch logs = otlp::testdata::rich_log_batch();
  const SpanBatch spans = otlp::testdata::rich_span_batch();
  otlp::testing::OtlpJsonTestWriter json;
  std::vector<std::string> proto_seeds = {
      otlp::encode_logs_proto(logs), otlp::encode_spans_proto(spans),
      otlp::encode_logs_proto(one_log()), otlp::encode_spans_proto(one_span())};
  std::vector<std::string> json_seeds = {json.logs(logs), json.spans(spans), json.logs(one_log()),
                                         json.spans(one_span()), "{}"};
  if (!write_seeds(argv[1], proto_seeds) || !write_seeds(argv[2], json_seeds)) {
    std::cerr << "otlp_fuzz_seeds: cannot write seeds\n";
    return 1;
  }
  return 0;
}
