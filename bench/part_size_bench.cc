// part_size_bench: disk bytes per record of weft's part format, beside `zstd -19` of the same
// records as NDJSON, for the loadgen sources (nezha and Apache replays, synthetic service
// logs); plus write, merge and full-scan decode throughput. See docs/benchmarks.md.
//
//   build/bench/part_size_bench [--records N] [--sources nezha,apache,synthetic]
//                               [--flush-records N] [--flush-level L] [--merge-level L]
//                               [--block-bytes B] [--shared-data DIR] [--no-zstd-cli]
//
// Records are generated as `weft loadgen` replays them (fresh ids, fresh timestamps spread over
// 24 hours, re-randomised digits), written as parts of --flush-records records (as memtable
// flushes would), then merged into one part (as background merges would). The NDJSON is one
// compact JSON object per record holding every field once; it is compressed by the zstd CLI.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "loadgen/record_source.h"
#include "model/stream.h"
#include "storage/part/block_cursor.h"
#include "storage/part/part_merge.h"
#include "storage/part/part_writer.h"

namespace {

using namespace weft;
using namespace weft::storage;
using Clock = std::chrono::steady_clock;

struct Options {
  size_t records = 1'000'000;
  std::vector<std::string> sources = {"nezha", "apache", "synthetic"};
  size_t flush_records = 100'000;
  int flush_level = 3;
  int merge_level = 9;
  uint64_t block_bytes = weft::storage::part_format::kDefaultMaxBlockBytes;
  std::string shared_data;
  bool zstd_cli = true;
};

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--no-zstd-cli") {
      o.zstd_cli = false;
      continue;
    }
    if (i + 1 >= argc) std::cerr << flag << " needs a value\n", std::exit(2);
    std::string value = argv[++i];
    if (flag == "--records") o.records = std::stoull(value);
    else if (flag == "--sources") o.sources = split(value);
    else if (flag == "--flush-records") o.flush_records = std::stoull(value);
    else if (flag == "--flush-level") o.flush_level = std::stoi(value);
    else if (flag == "--merge-level") o.merge_level = std::stoi(value);
    else if (flag == "--shared-data") o.shared_data = value;
    else if (flag == "--block-bytes") o.block_bytes = std::stoull(value);
    else std::cerr << "unknown flag " << flag << "\n", std::exit(2);
  }
  return o;
}

// One compact JSON object per record, every field once.
void write_ndjson(const LogRecord& r, std::string& out) {
  JsonWriter w;
  w.begin_object();
  w.key("time_unix_nano");
  w.value(std::to_string(r.time_unix_nano));
  w.key("observed_time_unix_nano");
  w.value(std::to_string(r.observed_time_unix_nano));
  w.key("severity_number");
  w.value(r.severity_number);
  w.key("severity_text");
  w.value(r.severity_text);
  w.key("body");
  write_any_value_json(w, r.body);
  w.key("attributes");
  write_attributes_json(w, r.attributes);
  w.key("trace_id");
  w.value(r.trace_id.present() ? r.trace_id.hex() : "");
  w.key("span_id");
  w.value(r.span_id.present() ? r.span_id.hex() : "");
  w.key("resource");
  write_attributes_json(w, r.resource->attributes);
  w.key("scope");
  w.value(r.scope->name);
  w.end_object();
  out += w.str();
  out += '\n';
}

uint64_t zstd19_size(const std::string& ndjson, const std::filesystem::path& work) {
  std::filesystem::path in = work / "records.ndjson", out = work / "records.ndjson.zst";
  {
    std::ofstream f(in, std::ios::binary);
    f.write(ndjson.data(), static_cast<std::streamsize>(ndjson.size()));
  }
  std::string cmd = "zstd -19 -q -f '" + in.string() + "' -o '" + out.string() + "'";
  if (std::system(cmd.c_str()) != 0) return 0;
  uint64_t size = std::filesystem::file_size(out);
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  return size;
}

Result<std::vector<LogRecord>> generate(const Options& o, const std::string& kind) {
  loadgen::SourceOptions so;
  so.kind = kind;
  so.data_dir = loadgen::resolve_shared_data_dir(o.shared_data);
  so.seed = 1;
  so.time_spread = std::chrono::hours(24);
  so.now = 1'795'000'000'000'000'000;  // fixed, so runs compare
  auto source = loadgen::make_record_source(so);
  if (!source.is_ok()) return source.status();
  LogBatch batch;
  while (batch.records.size() < o.records) {
    WEFT_RETURN_IF_ERROR((*source)->next_logs(std::min<size_t>(10000, o.records - batch.records.size()), batch));
  }
  return std::move(batch.records);
}

void print_columns(const PartMeta& meta, size_t records) {
  std::printf("    %-20s %12s %12s %12s %8s\n", "column", "stored B", "raw B", "bloom B", "B/rec");
  for (const auto& c : meta.column_stats)
    std::printf("    %-20s %12llu %12llu %12llu %8.2f\n", c.name.c_str(), (unsigned long long)c.stored_bytes,
                (unsigned long long)c.raw_bytes, (unsigned long long)c.bloom_bytes,
                double(c.stored_bytes + c.bloom_bytes) / double(records));
  std::printf("    %-20s %12llu (index %llu, streams %llu, meta %llu)\n", "headers", 
              (unsigned long long)(meta.index_bytes + meta.streams_bytes + meta.meta_bytes),
              (unsigned long long)meta.index_bytes, (unsigned long long)meta.streams_bytes, (unsigned long long)meta.meta_bytes);
}

// Reads every row of every column; returns records decoded.
uint64_t full_scan(const std::shared_ptr<const PartReader>& part) {
  BlockCursor cursor(part);
  std::vector<LogRecord> rows;
  uint64_t n = 0;
  while (true) {
    auto more = cursor.next();
    if (!more.is_ok() || !*more) break;
    rows.clear();
    if (!cursor.read_logs(ColumnMask::all(), &rows).is_ok()) break;
    n += rows.size();
  }
  return n;
}

int run_source(const Options& o, const std::string& kind) {
  std::printf("== %s: %zu records\n", kind.c_str(), o.records);
  auto records = generate(o, kind);
  if (!records.is_ok()) {
    std::printf("  skipped: %s\n", records.status().to_string().c_str());
    return 0;
  }
  std::string ndjson;
  for (const auto& r : *records) write_ndjson(r, ndjson);
  std::filesystem::path work = std::filesystem::temp_directory_path() / ("weft-part-bench-" + kind);
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work);
  double n = double(records->size());
  std::printf("  NDJSON: %.1f B/record (%zu bytes)\n", double(ndjson.size()) / n, ndjson.size());

  PartWriterOptions flush;
  flush.zstd_level = o.flush_level;
  flush.max_block_bytes = o.block_bytes;
  std::vector<std::shared_ptr<const PartReader>> parts;
  uint64_t flushed_bytes = 0;
  auto t0 = Clock::now();
  for (size_t start = 0, i = 0; start < records->size(); start += o.flush_records, ++i) {
    std::vector<const LogRecord*> ptrs;
    for (size_t j = start; j < std::min(records->size(), start + o.flush_records); ++j) ptrs.push_back(&(*records)[j]);
    auto meta = write_log_part(work / ("flush-" + std::to_string(i)), "bench", ptrs, StreamIdentity(), flush);
    if (!meta.is_ok()) return std::printf("  flush failed: %s\n", meta.status().to_string().c_str()), 1;
    flushed_bytes += meta->total_bytes();
  }
  double write_s = seconds_since(t0);
  for (size_t i = 0; i * o.flush_records < records->size(); ++i) parts.push_back(*PartReader::open(work / ("flush-" + std::to_string(i))));
  std::printf("  flushed parts (%zu, zstd %d): %.1f B/record; write %.0f records/s\n", parts.size(), o.flush_level,
              double(flushed_bytes) / n, n / write_s);

  MergeOptions mo;
  mo.writer.zstd_level = o.merge_level;
  mo.writer.max_block_bytes = o.block_bytes;
  t0 = Clock::now();
  auto merged = merge_parts(parts, work / "merged", mo);
  double merge_s = seconds_since(t0);
  if (!merged.is_ok()) return std::printf("  merge failed: %s\n", merged.status().to_string().c_str()), 1;
  const PartMeta& m = merged->meta;
  std::printf("  merged part (zstd %d): %.2f B/record (%llu bytes, %llu blocks, %llu streams); merge %.0f records/s\n",
              o.merge_level, double(m.total_bytes()) / n, (unsigned long long)m.total_bytes(), (unsigned long long)m.blocks,
              (unsigned long long)m.streams, n / merge_s);
  print_columns(m, records->size());

  auto part = *PartReader::open(work / "merged");
  t0 = Clock::now();
  uint64_t scanned = full_scan(part);
  double scan_s = seconds_since(t0);
  std::printf("  full scan, every column: %.0f records/s (%.0f MB/s of NDJSON), %llu records\n", double(scanned) / scan_s,
              double(ndjson.size()) / scan_s / 1e6, (unsigned long long)scanned);
  if (o.zstd_cli) {
    uint64_t z = zstd19_size(ndjson, work);
    std::printf("  zstd -19 of the NDJSON: %.2f B/record; part / zstd = %.2f\n", double(z) / n,
                double(m.total_bytes()) / double(z));
  }
  std::filesystem::remove_all(work);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  Options o = parse(argc, argv);
  int rc = 0;
  for (const auto& kind : o.sources) rc |= run_source(o, kind);
  return rc;
}
