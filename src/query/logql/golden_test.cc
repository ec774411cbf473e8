// Golden tests: every file in tests/logql/golden/ holds log records and cases (a query, its
// parameters, the expected result as text); see tests/logql/golden/README.md. The records go
// into a real memtable and the queries run through the parser, the engine and the
// StoreViewLogSource - twice: over the memtable, and over the parts the memtable flushes into,
// which must give the same answers. WEFT_UPDATE_GOLDEN=1 rewrites the expectations (then review
// the diff).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/time.h"
#include "query/logql/engine.h"
#include "query/logql/parser.h"
#include "query/logql/store_view_log_source.h"
#include "query/logql/units.h"
#include "storage/engine/memtable_flush.h"
#include "storage/memstore/mem_store.h"
#include "storage/wal/wal_test_util.h"

#ifndef WEFT_SOURCE_DIR
#error "WEFT_SOURCE_DIR must be defined"
#endif

namespace weft::logql {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  std::string name;
  std::string query;
  std::string params;
  std::string expected;
  size_t expect_line = 0;  // line of "expect:" in the file
};

struct GoldenFile {
  std::vector<std::string> records;
  std::vector<GoldenCase> cases;
  std::vector<std::string> lines;
};

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

GoldenFile read_golden(const fs::path& path) {
  GoldenFile g;
  std::ifstream in(path);
  std::string line;
  enum { kNone, kRecords, kCase, kExpect } section = kNone;
  while (std::getline(in, line)) {
    g.lines.push_back(line);
    if (line.rfind("#", 0) == 0) continue;
    if (line == "== records") {
      section = kRecords;
      continue;
    }
    if (line.rfind("== case ", 0) == 0) {
      g.cases.push_back({line.substr(8), "", "", "", 0});
      section = kCase;
      continue;
    }
    if (section == kRecords) {
      if (!trim(line).empty()) g.records.push_back(line);
    } else if (section == kCase) {
      if (line.rfind("query: ", 0) == 0) g.cases.back().query = line.substr(7);
      else if (line.rfind("params: ", 0) == 0) g.cases.back().params = line.substr(8);
      else if (line == "expect:") {
        section = kExpect;
        g.cases.back().expect_line = g.lines.size();
      }
    } else if (section == kExpect) {
      if (!trim(line).empty()) g.cases.back().expected += line + "\n";
    }
  }
  return g;
}

UnixNanos time_of(std::string_view text) {
  auto t = parse_time(text);
  EXPECT_TRUE(t.is_ok()) << text;
  return t.is_ok() ? *t : 0;
}

AnyValue any_of(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: return std::string(std::string_view(e));
    case simdjson::dom::element_type::INT64: return int64_t(e);
    case simdjson::dom::element_type::UINT64: return static_cast<int64_t>(uint64_t(e));
    case simdjson::dom::element_type::DOUBLE: return double(e);
    case simdjson::dom::element_type::BOOL: return bool(e);
    case simdjson::dom::element_type::ARRAY: {
      std::vector<AnyValue> a;
      for (auto v : simdjson::dom::array(e)) a.push_back(any_of(v));
      return a;
    }
    case simdjson::dom::element_type::OBJECT: {
      std::vector<KeyValue> kv;
      for (auto field : simdjson::dom::object(e)) kv.push_back({std::string(field.key), any_of(field.value)});
      return kv;
    }
    default: return AnyValue();
  }
}

Attributes attributes_of(simdjson::dom::element e) {
  Attributes out;
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return out;
  for (auto field : obj) out.push_back({std::string(field.key), any_of(field.value)});
  return out;
}

// Loads the records: one batch per record, records with equal "resource" JSON share one.
void load_records(const std::vector<std::string>& records, storage::MemStore& store) {
  simdjson::dom::parser parser;
  std::map<std::string, ResourcePtr> resources;
  for (const auto& text : records) {
    simdjson::dom::element doc;
    auto error = parser.parse(text).get(doc);
    ASSERT_FALSE(error) << "bad record JSON: " << text;
    LogRecord r;
    std::string_view s;
    if (!doc["time"].get_string().get(s)) r.time_unix_nano = time_of(s);
    if (!doc["observed_time"].get_string().get(s)) r.observed_time_unix_nano = time_of(s);
    simdjson::dom::element res;
    std::string key = doc["resource"].get(res) ? "{}" : simdjson::minify(res);
    auto& resource = resources[key];
    if (!resource) {
      auto made = std::make_shared<Resource>();
      if (!doc["resource"].get(res)) made->attributes = attributes_of(res);
      resource = made;
    }
    r.resource = resource;
    auto scope = std::make_shared<Scope>();
    simdjson::dom::element sc;
    if (!doc["scope"].get(sc)) {
      if (!sc["name"].get_string().get(s)) scope->name = std::string(s);
      if (!sc["version"].get_string().get(s)) scope->version = std::string(s);
    }
    r.scope = scope;
    simdjson::dom::element attrs;
    if (!doc["attributes"].get(attrs)) r.attributes = attributes_of(attrs);
    if (!doc["severity_text"].get_string().get(s)) r.severity_text = std::string(s);
    int64_t n;
    if (!doc["severity_number"].get_int64().get(n)) r.severity_number = static_cast<int32_t>(n);
    if (!doc["trace_id"].get_string().get(s)) r.trace_id = *TraceId::from_hex(s);
    if (!doc["span_id"].get_string().get(s)) r.span_id = *SpanId::from_hex(s);
    simdjson::dom::element body;
    if (!doc["body"].get(body)) r.body = any_of(body);
    std::string tenant = "golden";
    if (!doc["tenant"].get_string().get(s)) tenant = std::string(s);
    store.add_logs({tenant, {std::move(r)}});
  }
}

std::map<std::string, std::string> params_of(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    size_t eq = word.find('=');
    if (eq != std::string::npos) out[word.substr(0, eq)] = word.substr(eq + 1);
  }
  return out;
}

std::string render(const QueryResult& r) {
  std::string out;
  switch (r.type) {
    case QueryResult::Type::kStreams:
      for (const auto& s : r.streams) {
        out += s.labels.to_string() + "\n";
        for (const auto& e : s.entries) {
          out += "  " + format_rfc3339_nanos(e.time) + " " + e.line;
          if (!e.metadata.empty()) out += " | metadata " + e.metadata.to_string();
          if (!e.parsed.empty()) out += " | parsed " + e.parsed.to_string();
          out += "\n";
        }
      }
      break;
    case QueryResult::Type::kVector:
      for (const auto& s : r.series)
        out += s.labels.to_string() + " " + format_sample_value(s.points[0].value) + "\n";
      break;
    case QueryResult::Type::kMatrix:
      for (const auto& s : r.series) {
        out += s.labels.to_string() + "\n";
        for (const auto& p : s.points)
          out += "  " + format_rfc3339_nanos(p.time_ms * 1000000) + " " + format_sample_value(p.value) + "\n";
      }
      break;
    case QueryResult::Type::kScalar:
      out += "scalar " + format_sample_value(r.scalar.value) + "\n";
      break;
  }
  if (out.empty()) out = "(empty)\n";
  return out;
}

std::string run_case(const GoldenCase& c, const LogSource& source) {
  auto query = parse_query(c.query);
  if (!query.is_ok()) return "error: " + query.status().message() + "\n";
  auto p = params_of(c.params);
  QueryParams params;
  params.tenant = p.count("tenant") ? p["tenant"] : "golden";
  if (p.count("time")) {
    params.instant = true;
    params.start = params.end = time_of(p["time"]);
  } else {
    params.start = time_of(p["start"]);
    params.end = time_of(p["end"]);
  }
  if (p.count("step")) params.step_nanos = *parse_duration_literal(p["step"]);
  if (p.count("interval")) params.interval_nanos = *parse_duration_literal(p["interval"]);
  if (p.count("limit")) params.limit = static_cast<uint32_t>(std::stoul(p["limit"]));
  if (p.count("direction")) params.direction = p["direction"] == "forward" ? Direction::kForward : Direction::kBackward;
  params.categorize_labels = p.count("categorize") && p["categorize"] == "true";
  QueryControl control;
  Engine engine(source, EngineLimits{});
  auto result = engine.execute(*query, params, control);
  if (!result.is_ok()) {
    std::string message = result.status().message();
    // One line per message line keeps multi-line errors readable in the files.
    std::string out;
    std::istringstream in(message);
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
      out += (first ? "error: " : "  ") + line + "\n";
      first = false;
    }
    return out;
  }
  return render(*result);
}

void rewrite(const fs::path& path, const GoldenFile& g, const std::vector<std::string>& actual) {
  std::ofstream out(path);
  size_t c = 0;
  bool skipping = false;
  for (size_t i = 0; i < g.lines.size(); ++i) {
    const std::string& line = g.lines[i];
    if (skipping) {
      if (line.rfind("== ", 0) != 0) continue;
      skipping = false;
      out << "\n";
    }
    out << line << "\n";
    if (c < g.cases.size() && i + 1 == g.cases[c].expect_line) {
      out << actual[c];
      ++c;
      skipping = true;
    }
  }
}

std::vector<fs::path> golden_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(WEFT_SOURCE_DIR) / "tests/logql/golden"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// A view of the memtable's records flushed into parts under `dir`.
storage::StoreView flushed_view(const storage::MemStore& memtable, const fs::path& dir) {
  storage::StoreView view;
  StreamIdentity identity;
  storage::FlushTarget target{storage::posix_fs(), dir, &identity, {}};
  std::atomic<uint64_t> next_id{1};
  auto parts = storage::flush_memtable(memtable, target, &next_id);
  EXPECT_TRUE(parts.is_ok()) << parts.status().to_string();
  if (!parts.is_ok()) return view;
  for (const auto& entry : *parts) {
    auto reader = storage::PartReader::open(dir / entry.dir);
    EXPECT_TRUE(reader.is_ok()) << reader.status().to_string();
    if (reader.is_ok()) view.parts.push_back({entry, *reader});
  }
  return view;
}

TEST(Golden, EveryFileMatches) {
  auto files = golden_files();
  ASSERT_FALSE(files.empty());
  bool update = std::getenv("WEFT_UPDATE_GOLDEN") != nullptr;
  size_t cases = 0;
  for (const auto& path : files) {
    GoldenFile g = read_golden(path);
    auto memtable = std::make_shared<storage::MemStore>();
    load_records(g.records, *memtable);
    storage::StoreView in_memory;
    in_memory.memtables.push_back(memtable);
    storage::testing::TempDir dir;
    storage::StoreView in_parts = flushed_view(*memtable, dir.path());
    StoreViewLogSource memory_source(in_memory), parts_source(in_parts);
    std::vector<std::string> actual;
    for (const auto& c : g.cases) {
      actual.push_back(run_case(c, memory_source));
      ++cases;
      if (!update) {
        EXPECT_EQ(actual.back(), c.expected) << path.filename() << ": case " << c.name << "\n  query: " << c.query;
        EXPECT_EQ(run_case(c, parts_source), c.expected)
            << path.filename() << ": case " << c.name << " over parts\n  query: " << c.query;
      }
    }
    if (update) rewrite(path, g, actual);
  }
  EXPECT_GT(cases, 0u);
}

}  // namespace
}  // namespace weft::logql
