// The nezha source: replays the train-ticket microservice logs and spans of
// <shared>/nezha/trainticket-2023-01-29 (log/*.csv, trace/*.csv), scaled by cycling.
#include "loadgen/nezha_source.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <vector>

#include "loadgen/csv_line.h"
#include "loadgen/record_source.h"
#include "loadgen/replay_rewriter.h"

namespace weft::loadgen {

namespace {

constexpr std::string_view kNezhaDir = "nezha/trainticket-2023-01-29";

std::optional<int64_t> parse_int(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// The "log" member of the container runtime's JSON line.
std::optional<std::string> container_log_text(const std::string& json) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS) return std::nullopt;
  std::string_view log;
  if (doc["log"].get(log) != simdjson::SUCCESS) return std::nullopt;
  while (!log.empty() && (log.back() == '\n' || log.back() == '\r')) log.remove_suffix(1);
  return std::string(log);
}

// The level word of "17:03:11.532 INFO  v.c.Controller#54 ...", if among the first words.
std::string level_of_line(std::string_view text) {
  std::string_view head = text.substr(0, 40);
  for (std::string_view level : {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"})
    if (head.find(level) != std::string_view::npos) return std::string(level);
  return "INFO";
}

int32_t severity_number_of(std::string_view level) {
  if (level == "TRACE") return 1;
  if (level == "DEBUG") return 5;
  if (level == "WARN") return 13;
  if (level == "ERROR") return 17;
  return 9;
}

// Whether `text` starts with a clock time "HH:MM:SS.mmm".
bool starts_with_clock(std::string_view text) {
  static constexpr std::string_view kShape = "00:00:00.000";
  if (text.size() < kShape.size()) return false;
  for (size_t i = 0; i < kShape.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == '0' ? !digit : text[i] != kShape[i]) return false;
  }
  return true;
}

std::string clock_of(UnixNanos t) {
  std::string iso = format_rfc3339_nanos(t);  // 2026-11-22T06:20:21.123456789Z
  return iso.size() >= 23 ? iso.substr(11, 12) : iso;
}

}  // namespace

std::string service_of_pod(std::string_view pod) {
  std::string_view s = pod;
  for (int i = 0; i < 2; ++i) {
    size_t dash = s.rfind('-');
    if (dash == std::string_view::npos || dash == 0) return std::string(pod);
    s = s.substr(0, dash);
  }
  return std::string(s);
}

std::optional<NezhaLogRow> parse_nezha_log_row(std::string_view csv_line) {
  std::vector<std::string> f = split_csv_line(csv_line);
  if (f.size() < 8) return std::nullopt;
  std::optional<int64_t> time = parse_int(f[1]);
  std::optional<std::string> text = container_log_text(f[7]);
  if (!time || !text) return std::nullopt;
  NezhaLogRow row;
  row.time = *time;
  row.node = f[2];
  row.pod = f[3];
  row.service = service_of_pod(f[3]);
  if (auto id = TraceId::from_hex(f[5])) row.trace_id = *id;
  if (auto id = SpanId::from_hex(f[6])) row.span_id = *id;
  row.level = level_of_line(*text);
  row.text = std::move(*text);
  return row;
}

std::optional<NezhaSpanRow> parse_nezha_span_row(std::string_view csv_line) {
  std::vector<std::string> f = split_csv_line(csv_line);
  if (f.size() < 7) return std::nullopt;
  auto trace = TraceId::from_hex(f[0]);
  auto span = SpanId::from_hex(f[1]);
  auto start = parse_int(f[5]);
  auto end = parse_int(f[6]);
  if (!trace || !span || !start || !end) return std::nullopt;
  NezhaSpanRow row;
  row.trace_id = *trace;
  row.span_id = *span;
  if (auto parent = SpanId::from_hex(f[2])) row.parent_span_id = *parent;
  row.pod = f[3];
  row.service = service_of_pod(f[3]);
  row.operation = f[4];
  row.start = *start;
  row.end = *end;
  return row;
}

namespace {

class NezhaSource : public RecordSource {
 public:
  NezhaSource(const SourceOptions& o, std::filesystem::path dir)
      : dir_(std::move(dir)),
        rewriter_(o.seed, o.now != 0 ? o.now : now_unix_nanos(), o.time_spread.count()) {
    scope_ = std::make_shared<Scope>(Scope{"nezha-replay", "", {}, 0, ""});
  }

  Status next_logs(size_t count, LogBatch& out) override {
    if (logs_.empty()) WEFT_RETURN_IF_ERROR(load("log", parse_nezha_log_row, logs_));
    out.records.reserve(out.records.size() + count);
    for (size_t i = 0; i < count; ++i, ++log_cursor_)
      out.records.push_back(make_log(logs_[log_cursor_ % logs_.size()], log_cursor_ / logs_.size(),
                                     log_cursor_ % logs_.size()));
    return Status::ok();
  }

  Status next_spans(size_t count, SpanBatch& out) override {
    if (spans_.empty()) WEFT_RETURN_IF_ERROR(load("trace", parse_nezha_span_row, spans_));
    out.spans.reserve(out.spans.size() + count);
    for (size_t i = 0; i < count; ++i, ++span_cursor_)
      out.spans.push_back(make_span(spans_[span_cursor_ % spans_.size()], span_cursor_ / spans_.size()));
    return Status::ok();
  }

 private:
  // Parses every CSV of `folder` (in name order) into `rows`; notes each trace's first time.
  template <typename Row, typename Parse>
  Status load(const char* folder, Parse parse, std::vector<Row>& rows) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir_ / folder, ec))
      if (e.path().extension() == ".csv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::string text;
      if (!read_file(path.string(), &text)) return Status::io_error("cannot read " + path.string());
      parse_lines(text, parse, rows);
    }
    if (rows.empty())
      return Status::not_found("no nezha " + std::string(folder) + " rows under " + dir_.string());
    return Status::ok();
  }

  template <typename Row, typename Parse>
  void parse_lines(std::string_view text, Parse parse, std::vector<Row>& rows) {
    while (!text.empty()) {
      size_t nl = text.find('\n');
      std::optional<Row> row = parse(text.substr(0, nl));
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (!row) continue;
      note_anchor(row->trace_id, row_time(*row));
      rows.push_back(std::move(*row));
    }
  }

  static UnixNanos row_time(const NezhaLogRow& r) { return r.time; }
  static UnixNanos row_time(const NezhaSpanRow& r) { return r.start; }

  void note_anchor(const TraceId& id, UnixNanos t) {
    if (!id.present()) return;
    auto [it, added] = anchors_.try_emplace(id, t);
    if (!added) it->second = std::min(it->second, t);
  }

  UnixNanos anchor_of(const TraceId& id, UnixNanos fallback) const {
    auto it = anchors_.find(id);
    return it == anchors_.end() ? fallback : it->second;
  }

  ResourcePtr resource_of(const std::string& pod, const std::string& service, const std::string& node) {
    ResourcePtr& r = resources_[pod];
    if (!r) {
      auto res = std::make_shared<Resource>();
      res->attributes = {{"service.name", service}, {"k8s.pod.name", pod}};
      if (!node.empty()) res->attributes.push_back({"host.name", node});
      r = res;
    }
    return r;
  }

  LogRecord make_log(const NezhaLogRow& row, uint64_t cycle, uint64_t index) {
    LogRecord r;
    r.trace_id = rewriter_.fresh_trace_id(row.trace_id, cycle);
    r.span_id = rewriter_.fresh_span_id(row.span_id, cycle);
    uint64_t key = row.trace_id.present() ? ReplayRewriter::trace_key(row.trace_id) : mix64(index);
    r.time_unix_nano = rewriter_.fresh_time(row.time, anchor_of(row.trace_id, row.time), key, cycle);
    r.observed_time_unix_nano = r.time_unix_nano;
    r.severity_text = row.level;
    r.severity_number = severity_number_of(row.level);
    r.body = fresh_text(row, r);
    r.resource = resource_of(row.pod, row.service, row.node);
    r.scope = scope_;
    return r;
  }

  // The line with its clock time set to the record's, ids replaced, digits re-randomised.
  std::string fresh_text(const NezhaLogRow& row, const LogRecord& r) {
    std::vector<TextReplacement> ids;
    if (row.trace_id.present()) ids.emplace_back(row.trace_id.hex(), r.trace_id.hex());
    if (row.span_id.present()) ids.emplace_back(row.span_id.hex(), r.span_id.hex());
    std::string_view text = row.text;
    if (!starts_with_clock(text)) return rewriter_.rewrite_text(text, ids);
    return clock_of(r.time_unix_nano) + rewriter_.rewrite_text(text.substr(12), ids);
  }

  Span make_span(const NezhaSpanRow& row, uint64_t cycle) {
    Span s;
    s.trace_id = rewriter_.fresh_trace_id(row.trace_id, cycle);
    s.span_id = rewriter_.fresh_span_id(row.span_id, cycle);
    s.parent_span_id = rewriter_.fresh_span_id(row.parent_span_id, cycle);
    s.name = row.operation;
    s.kind = !row.parent_span_id.present()       ? SpanKind::kServer
             : row.operation.starts_with("HTTP ") ? SpanKind::kClient
                                                  : SpanKind::kInternal;
    UnixNanos anchor = anchor_of(row.trace_id, row.start);
    uint64_t key = ReplayRewriter::trace_key(row.trace_id);
    s.start_time_unix_nano = rewriter_.fresh_time(row.start, anchor, key, cycle);
    s.end_time_unix_nano = s.start_time_unix_nano + (row.end - row.start);
    s.resource = resource_of(row.pod, row.service, "");
    s.scope = scope_;
    return s;
  }

  std::filesystem::path dir_;
  ReplayRewriter rewriter_;
  ScopePtr scope_;
  std::vector<NezhaLogRow> logs_;
  std::vector<NezhaSpanRow> spans_;
  std::unordered_map<TraceId, UnixNanos, TraceIdHash> anchors_;
  std::map<std::string, ResourcePtr> resources_;
  uint64_t log_cursor_ = 0;
  uint64_t span_cursor_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordSource>> make_nezha_source(const SourceOptions& options) {
  std::filesystem::path dir = std::filesystem::path(options.data_dir) / kNezhaDir;
  if (!std::filesystem::is_directory(dir))
    return Status::not_found("nezha data not found at " + dir.string() +
                             " (set --data-dir-shared or WEFT_SHARED_DATA to the shared data folder)");
  return std::unique_ptr<RecordSource>(std::make_unique<NezhaSource>(options, dir));
}

}  // namespace weft::loadgen
