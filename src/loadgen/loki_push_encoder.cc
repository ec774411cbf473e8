#include "loadgen/loki_push_encoder.h"

#include <map>
#include <vector>

#include "loadgen/record_fields.h"
#include "common/snappy_block.h"
#include "otlp/proto_writer.h"

namespace weft::loadgen {

namespace {

// The records of one stream, by index into the batch.
struct Stream {
  std::string labels;
  std::vector<size_t> records;
};

std::vector<Stream> group_streams(const LogBatch& batch) {
  std::vector<Stream> streams;
  std::map<std::string, size_t, std::less<>> by_labels;
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const LogRecord& r = batch.records[i];
    std::string_view service = resource_string(r, "service.name");
    std::string labels = loki_labels(service.empty() ? kUnknownService : service, level_name(r));
    auto [it, added] = by_labels.try_emplace(labels, streams.size());
    if (added) streams.push_back(Stream{std::move(labels), {}});
    streams[it->second].records.push_back(i);
  }
  return streams;
}

// One EntryAdapter's fields.
template <typename Sink>
void emit_entry(Sink& s, const LogRecord& r, const std::string& line, const std::string& trace_hex,
                const std::string& span_hex) {
  UnixNanos t = r.effective_time();
  s.message(1, [&] {
    if (t / 1'000'000'000 != 0) s.varint(1, static_cast<uint64_t>(t / 1'000'000'000));
    if (t % 1'000'000'000 != 0) s.varint(2, static_cast<uint64_t>(t % 1'000'000'000));
  });
  s.bytes(2, line);
  auto pair = [&](std::string_view name, const std::string& value) {
    s.message(3, [&] {
      s.bytes(1, name);
      s.bytes(2, value);
    });
  };
  if (!trace_hex.empty()) pair("trace_id", trace_hex);
  if (!span_hex.empty()) pair("span_id", span_hex);
}

// The per-record strings, computed once (encode_proto runs the emit function twice).
struct EntryText {
  std::string line, trace_hex, span_hex;
};

std::vector<EntryText> entry_texts(const LogBatch& batch) {
  std::vector<EntryText> out(batch.records.size());
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const LogRecord& r = batch.records[i];
    out[i].line = body_text(r);
    if (r.trace_id.present()) out[i].trace_hex = r.trace_id.hex();
    if (r.span_id.present()) out[i].span_hex = r.span_id.hex();
  }
  return out;
}

void append_label_value(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += '"';
}

}  // namespace

std::string loki_labels(std::string_view service, std::string_view level) {
  std::string out = "{service_name=";
  append_label_value(out, service);
  out += ",level=";
  append_label_value(out, level);
  out += '}';
  return out;
}

std::string encode_loki_push_proto(const LogBatch& batch) {
  std::vector<Stream> streams = group_streams(batch);
  std::vector<EntryText> texts = entry_texts(batch);
  return otlp::encode_proto([&](auto& s) {
    for (const Stream& stream : streams) {
      s.message(1, [&] {
        s.bytes(1, stream.labels);
        for (size_t i : stream.records) {
          const EntryText& t = texts[i];
          s.message(2, [&] { emit_entry(s, batch.records[i], t.line, t.trace_hex, t.span_hex); });
        }
      });
    }
  });
}

std::string encode_loki_push(const LogBatch& batch) {
  return snappy_compress(encode_loki_push_proto(batch));
}

}  // namespace weft::loadgen
