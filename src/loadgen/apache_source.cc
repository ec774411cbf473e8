// The apache source: replays <shared>/apache-access/apache_logs.log as log records of one
// "apache" service, scaled by cycling.
#include "loadgen/apache_source.h"

#include <charconv>
#include <ctime>
#include <filesystem>
#include <vector>

#include "loadgen/csv_line.h"
#include "loadgen/record_source.h"
#include "loadgen/replay_rewriter.h"

namespace weft::loadgen {

namespace {

constexpr std::string_view kApacheFile = "apache-access/apache_logs.log";
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int parse_int(std::string_view s) {
  int v = -1;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// "17/May/2015:10:05:03 +0000" (the offset is applied).
std::optional<UnixNanos> parse_apache_time(std::string_view s) {
  if (s.size() < 26 || s[2] != '/' || s[6] != '/' || s[11] != ':') return std::nullopt;
  std::tm tm{};
  tm.tm_mday = parse_int(s.substr(0, 2));
  tm.tm_mon = -1;
  for (int m = 0; m < 12; ++m)
    if (s.substr(3, 3) == kMonths[m]) tm.tm_mon = m;
  tm.tm_year = parse_int(s.substr(7, 4)) - 1900;
  tm.tm_hour = parse_int(s.substr(12, 2));
  tm.tm_min = parse_int(s.substr(15, 2));
  tm.tm_sec = parse_int(s.substr(18, 2));
  int offset = parse_int(s.substr(22, 4));
  if (tm.tm_mon < 0 || offset < 0) return std::nullopt;
  int offset_s = (offset / 100 * 3600 + offset % 100 * 60) * (s[21] == '-' ? -1 : 1);
  return (static_cast<int64_t>(timegm(&tm)) - offset_s) * 1'000'000'000;
}

// Method and path of `"GET /path HTTP/1.1"`; status right after it.
bool parse_request(std::string_view after, ApacheLine& out) {
  size_t open = after.find('"');
  size_t close = open == std::string_view::npos ? open : after.find('"', open + 1);
  if (close == std::string_view::npos) return false;
  std::string_view request = after.substr(open + 1, close - open - 1);
  size_t sp = request.find(' ');
  out.method = std::string(request.substr(0, sp));
  if (sp != std::string_view::npos) {
    std::string_view rest = request.substr(sp + 1);
    out.path = std::string(rest.substr(0, rest.find(' ')));
  }
  std::string_view tail = after.substr(close + 1);
  while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
  out.status = parse_int(tail.substr(0, tail.find(' ')));
  return out.status >= 100 && out.status <= 599;
}

}  // namespace

std::optional<ApacheLine> parse_apache_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t open = line.find('[');
  size_t close = open == std::string_view::npos ? open : line.find(']', open);
  if (close == std::string_view::npos) return std::nullopt;
  auto time = parse_apache_time(line.substr(open + 1, close - open - 1));
  if (!time) return std::nullopt;
  ApacheLine out;
  out.before_time = std::string(line.substr(0, open));
  out.after_time = std::string(line.substr(close + 1));
  out.time = *time;
  if (!parse_request(out.after_time, out)) return std::nullopt;
  return out;
}

std::string format_apache_time(UnixNanos t) {
  std::time_t seconds = static_cast<std::time_t>(t / 1'000'000'000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d/%s/%04d:%02d:%02d:%02d +0000", tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

namespace {

class ApacheSource : public RecordSource {
 public:
  ApacheSource(const SourceOptions& o, std::vector<ApacheLine> lines)
      : lines_(std::move(lines)),
        rewriter_(o.seed, o.now != 0 ? o.now : now_unix_nanos(), o.time_spread.count()) {
    auto resource = std::make_shared<Resource>();
    resource->attributes = {{"service.name", std::string("apache")},
                            {"host.name", std::string("web-1")}};
    resource_ = resource;
    scope_ = std::make_shared<Scope>(Scope{"apache-replay", "", {}, 0, ""});
  }

  Status next_logs(size_t count, LogBatch& out) override {
    out.records.reserve(out.records.size() + count);
    for (size_t i = 0; i < count; ++i, ++cursor_)
      out.records.push_back(make_log(lines_[cursor_ % lines_.size()], cursor_ / lines_.size(),
                                     cursor_ % lines_.size()));
    return Status::ok();
  }

  Status next_spans(size_t, SpanBatch&) override {
    return Status::unsupported("the apache source has logs only (use --signal logs)");
  }

 private:
  LogRecord make_log(const ApacheLine& line, uint64_t cycle, uint64_t index) {
    LogRecord r;
    // Each line is its own group: spread over the window independently.
    r.time_unix_nano = rewriter_.fresh_time(line.time, line.time, mix64(index), cycle);
    r.observed_time_unix_nano = r.time_unix_nano;
    r.severity_number = line.status >= 500 ? 17 : line.status >= 400 ? 13 : 9;
    r.severity_text = line.status >= 500 ? "ERROR" : line.status >= 400 ? "WARN" : "INFO";
    std::string status = " " + std::to_string(line.status) + " ";
    std::vector<TextReplacement> keep = {
        {"HTTP/1.1", "HTTP/1.1"}, {"HTTP/1.0", "HTTP/1.0"}, {status, status}};
    r.body = rewriter_.rewrite_text(line.before_time, {}) + "[" +
             format_apache_time(r.time_unix_nano) + "]" +
             rewriter_.rewrite_text(line.after_time, keep);
    r.attributes = {{"http.request.method", line.method},
                    {"url.path", line.path},
                    {"http.response.status_code", static_cast<int64_t>(line.status)}};
    r.resource = resource_;
    r.scope = scope_;
    return r;
  }

  std::vector<ApacheLine> lines_;
  ReplayRewriter rewriter_;
  ResourcePtr resource_;
  ScopePtr scope_;
  uint64_t cursor_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordSource>> make_apache_source(const SourceOptions& options) {
  std::filesystem::path path = std::filesystem::path(options.data_dir) / kApacheFile;
  std::string text;
  if (!read_file(path.string(), &text))
    return Status::not_found("apache data not found at " + path.string() +
                             " (set --data-dir-shared or WEFT_SHARED_DATA to the shared data folder)");
  std::vector<ApacheLine> lines;
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    if (auto line = parse_apache_line(rest.substr(0, nl))) lines.push_back(std::move(*line));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  if (lines.empty()) return Status::not_found("no Apache log lines in " + path.string());
  return std::unique_ptr<RecordSource>(std::make_unique<ApacheSource>(options, std::move(lines)));
}

}  // namespace weft::loadgen
