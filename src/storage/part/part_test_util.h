// Helpers shared by the part tests: random records and spans covering every field and every
// AnyValue kind, exact comparison (doubles by bit pattern, so NaN round-trips count), and a
// scratch directory.
#pragma once

#include <stdlib.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::storage::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "weft-part-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Random model objects. Deterministic for a seed.
class RandomRecords {
 public:
  explicit RandomRecords(uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 6; ++i) resources_.push_back(make_resource(i));
    for (int i = 0; i < 3; ++i) scopes_.push_back(make_scope(i));
  }

  // Whether some bodies are 0.1-1.2 MB (on by default).
  void set_large_values(bool on) { large_values_ = on; }

  uint64_t num(uint64_t lo, uint64_t hi) { return lo + rng_() % (hi - lo + 1); }
  bool chance(int percent) { return static_cast<int>(num(0, 99)) < percent; }

  std::string text(size_t max_len) {
    static const char* pieces[] = {"error", " ", "GET", "/api/v1/orders", "=", "42", "ключ", "日本語", "😀",
                                   "\t", "\n", "user_id", "-", "\"quoted\"", "é", ":", "x"};
    std::string s;
    size_t len = num(0, max_len);
    while (s.size() < len) {
      if (chance(10)) s.push_back(static_cast<char>(num(0, 255)));  // any byte, invalid UTF-8 too
      else s += pieces[num(0, std::size(pieces) - 1)];
    }
    return s;
  }

  double any_double() {
    switch (num(0, 6)) {
      case 0: return std::numeric_limits<double>::quiet_NaN();
      case 1: return std::numeric_limits<double>::infinity();
      case 2: return -0.0;
      case 3: return std::numeric_limits<double>::denorm_min();
      default: {
        uint64_t bits = rng_();
        double d;
        std::memcpy(&d, &bits, 8);
        return chance(50) ? d : static_cast<double>(num(0, 1000000)) / 7.0;
      }
    }
  }

  int64_t any_int() {
    switch (num(0, 5)) {
      case 0: return std::numeric_limits<int64_t>::min();
      case 1: return std::numeric_limits<int64_t>::max();
      case 2: return -static_cast<int64_t>(num(0, 1000));
      default: return static_cast<int64_t>(num(0, 100000));
    }
  }

  AnyValue value(int depth = 0) {
    switch (num(0, depth >= 3 ? 5 : 7)) {
      case 0: return AnyValue();
      case 1: return AnyValue(text(40));
      case 2: return AnyValue(chance(50));
      case 3: return AnyValue(any_int());
      case 4: return AnyValue(any_double());
      case 5: return AnyValue(Bytes{text(20)});
      case 6: {
        std::vector<AnyValue> a(num(0, 4));
        for (auto& e : a) e = value(depth + 1);
        return AnyValue(std::move(a));
      }
      default: return AnyValue(attributes(4, depth + 1));
    }
  }

  Attributes attributes(size_t max, int depth = 0) {
    static const char* keys[] = {"user_id", "http.method", "thread.id", "", "ключ", "k", "code.function", "dup"};
    Attributes a(num(0, max));
    for (auto& kv : a) {
      kv.key = chance(85) ? keys[num(0, std::size(keys) - 1)] : text(12);
      kv.value = value(depth);
    }
    return a;
  }

  template <size_t N>
  FixedId<N> id() {
    FixedId<N> out;
    if (chance(15)) return out;  // absent
    for (auto& b : out.bytes) b = static_cast<uint8_t>(num(0, 255));
    return out;
  }

  UnixNanos time() {
    if (chance(5)) return 0;
    return 1'700'000'000'000'000'000 + static_cast<int64_t>(num(0, 50)) * 1'000'000'000 + static_cast<int64_t>(num(0, 3)) * 7;
  }

  LogRecord log() {
    LogRecord r;
    r.time_unix_nano = time();
    r.observed_time_unix_nano = chance(20) ? 0 : r.time_unix_nano + static_cast<int64_t>(num(0, 5000));
    if (r.time_unix_nano == 0 && r.observed_time_unix_nano == 0 && chance(50)) r.observed_time_unix_nano = time();
    r.severity_number = static_cast<int32_t>(num(0, 24));
    r.severity_text = chance(70) ? std::string("INFO") : text(8);
    r.body = large_values_ && chance(2) ? AnyValue(std::string(num(100000, 1200000), 'b')) : value();
    r.attributes = attributes(8);
    r.dropped_attributes_count = chance(90) ? 0 : static_cast<uint32_t>(num(0, 1u << 31));
    r.flags = chance(80) ? 0 : static_cast<uint32_t>(num(0, 0xffffffff));
    r.trace_id = id<16>();
    r.span_id = id<8>();
    r.event_name = chance(80) ? std::string() : text(10);
    if (chance(25)) r.body = AnyValue(body_quoting_ids(r));
    r.resource = resources_[num(0, resources_.size() - 1)];
    r.scope = scopes_[num(0, scopes_.size() - 1)];
    return r;
  }

  // A body that quotes the record's ids (stored as references), with escape bytes around.
  std::string body_quoting_ids(const LogRecord& r) {
    std::string upper_span = r.span_id.hex();
    for (char& c : upper_span) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string s = text(10) + " TraceID: " + r.trace_id.hex() + " SpanID: " + r.span_id.hex() + " \x1a";
    if (chance(50)) s += "\x1a\x01" + upper_span + r.trace_id.hex().substr(0, 31);
    return s + text(10);
  }

  Span span() {
    Span s;
    s.trace_id = id<16>();
    s.span_id = id<8>();
    s.parent_span_id = id<8>();
    s.trace_state = chance(80) ? std::string() : text(10);
    s.flags = static_cast<uint32_t>(num(0, 3));
    s.name = text(20);
    s.kind = static_cast<SpanKind>(num(0, 5));
    s.start_time_unix_nano = time();
    s.end_time_unix_nano = s.start_time_unix_nano + static_cast<int64_t>(num(0, 1'000'000'000)) - (chance(5) ? 2'000'000'000 : 0);
    s.attributes = attributes(8);
    s.dropped_attributes_count = static_cast<uint32_t>(num(0, 2));
    for (size_t i = num(0, 3); i > 0; --i)
      s.events.push_back({s.start_time_unix_nano + static_cast<int64_t>(num(0, 1000)) - 500, text(10), attributes(3),
                          static_cast<uint32_t>(num(0, 1))});
    for (size_t i = num(0, 2); i > 0; --i)
      s.links.push_back({id<16>(), id<8>(), text(5), attributes(2), static_cast<uint32_t>(num(0, 1)),
                         static_cast<uint32_t>(num(0, 1))});
    s.dropped_events_count = static_cast<uint32_t>(num(0, 1));
    s.dropped_links_count = static_cast<uint32_t>(num(0, 1));
    s.status_code = static_cast<SpanStatusCode>(num(0, 2));
    s.status_message = chance(70) ? std::string() : text(15);
    s.resource = resources_[num(0, resources_.size() - 1)];
    s.scope = scopes_[num(0, scopes_.size() - 1)];
    return s;
  }

  const std::vector<ResourcePtr>& resources() const { return resources_; }

 private:
  ResourcePtr make_resource(int i) {
    auto r = std::make_shared<Resource>();
    if (i != 5) r->attributes.push_back({"service.name", std::string("svc-") + std::to_string(i % 3)});
    r->attributes.push_back({"host.name", std::string("host-") + std::to_string(i)});
    r->attributes.push_back({"service.version", AnyValue(static_cast<int64_t>(i))});
    if (i == 2) r->attributes.push_back({"nested", value()});
    r->dropped_attributes_count = static_cast<uint32_t>(i % 2);
    r->schema_url = i == 3 ? "https://opentelemetry.io/schemas/1.21.0" : "";
    return r;
  }
  ScopePtr make_scope(int i) {
    auto s = std::make_shared<Scope>();
    s->name = i == 0 ? "" : "scope-" + std::to_string(i);
    s->version = i == 2 ? "1.0" : "";
    if (i == 1) s->attributes.push_back({"a", AnyValue(true)});
    return s;
  }

  std::mt19937_64 rng_;
  bool large_values_ = true;
  std::vector<ResourcePtr> resources_;
  std::vector<ScopePtr> scopes_;
};

// Exact equality, doubles compared by bits.
inline bool same_attributes(const Attributes& a, const Attributes& b);
inline bool same_value(const AnyValue& a, const AnyValue& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case AnyValue::Kind::kDouble: {
      double x = std::get<double>(a.v), y = std::get<double>(b.v);
      return std::memcmp(&x, &y, 8) == 0;
    }
    case AnyValue::Kind::kArray: {
      const auto& x = std::get<std::vector<AnyValue>>(a.v);
      const auto& y = std::get<std::vector<AnyValue>>(b.v);
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!same_value(x[i], y[i])) return false;
      return true;
    }
    case AnyValue::Kind::kKvList:
      return same_attributes(std::get<std::vector<KeyValue>>(a.v), std::get<std::vector<KeyValue>>(b.v));
    default: return a == b;
  }
}
inline bool same_attributes(const Attributes& a, const Attributes& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || !same_value(a[i].value, b[i].value)) return false;
  return true;
}
inline bool same_resource(const ResourcePtr& a, const ResourcePtr& b) {
  if (!a || !b) return !a && !b;
  return same_attributes(a->attributes, b->attributes) && a->dropped_attributes_count == b->dropped_attributes_count &&
         a->schema_url == b->schema_url;
}
inline bool same_scope(const ScopePtr& a, const ScopePtr& b) {
  if (!a || !b) return !a && !b;
  return a->name == b->name && a->version == b->version && same_attributes(a->attributes, b->attributes) &&
         a->dropped_attributes_count == b->dropped_attributes_count && a->schema_url == b->schema_url;
}

// Collects the names of differing fields.
class Differences {
 public:
  void check(bool same, const char* field) {
    if (!same) out_ += out_.empty() ? field : std::string(", ") + field;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// "" when equal, else the fields that differ.
inline std::string log_difference(const LogRecord& a, const LogRecord& b) {
  Differences d;
  d.check(a.time_unix_nano == b.time_unix_nano, "time");
  d.check(a.observed_time_unix_nano == b.observed_time_unix_nano, "observed_time");
  d.check(a.severity_number == b.severity_number, "severity_number");
  d.check(a.severity_text == b.severity_text, "severity_text");
  d.check(same_value(a.body, b.body), "body");
  d.check(same_attributes(a.attributes, b.attributes), "attributes");
  d.check(a.dropped_attributes_count == b.dropped_attributes_count, "dropped_attributes");
  d.check(a.flags == b.flags, "flags");
  d.check(a.trace_id == b.trace_id, "trace_id");
  d.check(a.span_id == b.span_id, "span_id");
  d.check(a.event_name == b.event_name, "event_name");
  d.check(same_resource(a.resource, b.resource), "resource");
  d.check(same_scope(a.scope, b.scope), "scope");
  return d.take();
}

inline bool same_events(const std::vector<SpanEvent>& a, const std::vector<SpanEvent>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].time_unix_nano != b[i].time_unix_nano || a[i].name != b[i].name ||
        !same_attributes(a[i].attributes, b[i].attributes) || a[i].dropped_attributes_count != b[i].dropped_attributes_count)
      return false;
  return true;
}

inline bool same_links(const std::vector<SpanLink>& a, const std::vector<SpanLink>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].trace_id != b[i].trace_id || a[i].span_id != b[i].span_id || a[i].trace_state != b[i].trace_state ||
        !same_attributes(a[i].attributes, b[i].attributes) || a[i].dropped_attributes_count != b[i].dropped_attributes_count ||
        a[i].flags != b[i].flags)
      return false;
  return true;
}

inline std::string span_difference(const Span& a, const Span& b) {
  Differences d;
  d.check(a.trace_id == b.trace_id, "trace_id");
  d.check(a.span_id == b.span_id, "span_id");
  d.check(a.trace_state == b.trace_state, "trace_state");
  d.check(a.parent_span_id == b.parent_span_id, "parent_span_id");
  d.check(a.flags == b.flags, "flags");
  d.check(a.name == b.name, "name");
  d.check(a.kind == b.kind, "kind");
  d.check(a.start_time_unix_nano == b.start_time_unix_nano, "start");
  d.check(a.end_time_unix_nano == b.end_time_unix_nano, "end");
  d.check(same_attributes(a.attributes, b.attributes), "attributes");
  d.check(a.dropped_attributes_count == b.dropped_attributes_count, "dropped_attributes");
  d.check(same_events(a.events, b.events), "events");
  d.check(a.dropped_events_count == b.dropped_events_count, "dropped_events");
  d.check(same_links(a.links, b.links), "links");
  d.check(a.dropped_links_count == b.dropped_links_count, "dropped_links");
  d.check(a.status_code == b.status_code, "status_code");
  d.check(a.status_message == b.status_message, "status_message");
  d.check(same_resource(a.resource, b.resource), "resource");
  d.check(same_scope(a.scope, b.scope), "scope");
  return d.take();
}

}  // namespace weft::storage::testing

// --- writing and reading whole parts in tests ---
#include <algorithm>

#include "model/stream.h"
#include "storage/part/block_cursor.h"
#include "storage/part/part_writer.h"

namespace weft::storage::testing {

template <typename Row>
std::vector<const Row*> pointers(const std::vector<Row>& rows) {
  std::vector<const Row*> out;
  for (const Row& r : rows) out.push_back(&r);
  return out;
}

inline UnixNanos row_time(const LogRecord& r) { return r.effective_time(); }
inline UnixNanos row_time(const Span& s) { return s.start_time_unix_nano; }

// The order a part stores rows in: by (stream, time), ties in input order.
template <typename Row>
std::vector<Row> part_order(const std::vector<Row>& rows, std::string_view tenant,
                            const StreamIdentity& identity = StreamIdentity()) {
  std::vector<std::pair<StreamId, size_t>> keys;
  for (size_t i = 0; i < rows.size(); ++i) keys.emplace_back(identity.id_of(tenant, *rows[i].resource), i);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return row_time(rows[a.second]) < row_time(rows[b.second]);
  });
  std::vector<Row> out;
  for (const auto& k : keys) out.push_back(rows[k.second]);
  return out;
}

inline std::shared_ptr<const PartReader> open_part(const std::filesystem::path& dir) {
  auto r = PartReader::open(dir);
  return r.is_ok() ? *r : nullptr;
}

// Every row of the part through one cursor, or the first error.
inline Status read_all(const std::shared_ptr<const PartReader>& part, std::vector<LogRecord>* out,
                       const ColumnMask& mask = ColumnMask::all(), BlockFilter filter = {}) {
  BlockCursor c(part, std::move(filter));
  while (true) {
    Result<bool> more = c.next();
    if (!more.is_ok()) return more.status();
    if (!*more) return Status::ok();
    WEFT_RETURN_IF_ERROR(c.read_logs(mask, out));
  }
}
inline Status read_all(const std::shared_ptr<const PartReader>& part, std::vector<Span>* out,
                       const ColumnMask& mask = ColumnMask::all(), BlockFilter filter = {}) {
  BlockCursor c(part, std::move(filter));
  while (true) {
    Result<bool> more = c.next();
    if (!more.is_ok()) return more.status();
    if (!*more) return Status::ok();
    WEFT_RETURN_IF_ERROR(c.read_spans(mask, out));
  }
}

// Every block header of the part, in order.
inline std::vector<BlockHeader> all_blocks(const PartReader& part) {
  std::vector<BlockHeader> out;
  for (size_t g = 0; g < part.meta().groups.size(); ++g) {
    auto headers = part.read_index_group(g);
    if (headers.is_ok()) out.insert(out.end(), headers->begin(), headers->end());
  }
  return out;
}

}  // namespace weft::storage::testing
