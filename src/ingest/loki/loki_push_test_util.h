// Test helpers: push requests written by hand in both encodings (not through any weft
// encoder under test), and a PushBuilder run over them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/snappy_block.h"
#include "ingest/loki/push_builder.h"
#include "ingest/loki/push_decode.h"
#include "otlp/proto_writer.h"

namespace weft::ingest::loki::testing {

struct TestEntry {
  int64_t seconds = 0;
  int32_t nanos = 0;
  std::string line;
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct TestStream {
  std::string labels;  // Prometheus syntax
  std::vector<TestEntry> entries;
};

// A fixed "now": 2026-11-23T10:00:00Z.
inline constexpr int64_t kNowSeconds = 1795428000;
inline constexpr UnixNanos kNow = kNowSeconds * 1'000'000'000ll;

// logproto.PushRequest, uncompressed.
inline std::string push_proto(const std::vector<TestStream>& streams) {
  return otlp::encode_proto([&](auto& s) {
    for (const TestStream& stream : streams) {
      s.message(1, [&] {
        s.bytes(1, stream.labels);
        for (const TestEntry& e : stream.entries) {
          s.message(2, [&] {
            s.message(1, [&] {
              s.varint(1, static_cast<uint64_t>(e.seconds));
              s.varint(2, static_cast<uint64_t>(int64_t{e.nanos}));
            });
            s.bytes(2, e.line);
            for (const auto& pair : e.metadata) {  // (clang 14: no captured bindings)
              s.message(3, [&] {
                s.bytes(1, pair.first);
                s.bytes(2, pair.second);
              });
            }
          });
        }
      });
    }
  });
}

inline PushOptions test_options() {
  PushOptions o;
  o.now = kNow;
  return o;
}

// Decodes with a fresh builder; the decode status, and the result when it is OK.
inline std::pair<Status, PushResult> run_proto(std::string_view proto,
                                               const PushOptions& options = test_options()) {
  PushBuilder builder(options);
  Status status = decode_push_proto(proto, builder);
  return {status, std::move(builder).finish()};
}

inline std::pair<Status, PushResult> run_json(std::string_view json,
                                              const PushOptions& options = test_options()) {
  PushBuilder builder(options);
  Status status = decode_push_json(json, builder);
  return {status, std::move(builder).finish()};
}

// The string value of a resource attribute, or "<absent>".
inline std::string resource_value(const LogRecord& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.resource->attributes, key);
  return v != nullptr && v->as_string() != nullptr ? *v->as_string() : "<absent>";
}

inline std::string attribute_value(const LogRecord& r, std::string_view key) {
  const AnyValue* v = find_attribute(r.attributes, key);
  return v != nullptr && v->as_string() != nullptr ? *v->as_string() : "<absent>";
}

inline std::string body_text(const LogRecord& r) {
  return r.body.as_string() != nullptr ? *r.body.as_string() : "<not a string>";
}

}  // namespace weft::ingest::loki::testing
