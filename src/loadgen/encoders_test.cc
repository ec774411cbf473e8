// The Loki, Elasticsearch and Splunk HEC encoders, decoded back: snappy, the PushRequest
// protobuf (read with the project's wire reader), the bulk NDJSON and the HEC events (parsed
// with simdjson); the syslog and JSON lines encoders, read back by weft's own stream decoders.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <sstream>

#include "ingest/jsonlines/jsonlines_http.h"
#include "ingest/stream/stream_framer.h"
#include "ingest/syslog/syslog_decoder.h"
#include "loadgen/elastic_bulk_encoder.h"
#include "loadgen/stream_encoders.h"
#include "loadgen/loki_push_encoder.h"
#include "common/snappy_block.h"
#include "loadgen/splunk_hec_encoder.h"
#include "otlp/proto_reader.h"

namespace weft::loadgen {
namespace {

using otlp::ProtoReader;
using otlp::WireField;

LogBatch sample_batch() {
  auto checkout = std::make_shared<Resource>();
  checkout->attributes = {{"service.name", std::string("checkout")}, {"host.name", std::string("h1")}};
  auto payment = std::make_shared<Resource>();
  payment->attributes = {{"service.name", std::string("pay\"ment")}};
  LogBatch b;
  auto add = [&](ResourcePtr res, int32_t sev, std::string body, UnixNanos t, bool ids) {
    LogRecord r;
    r.resource = res;
    r.severity_number = sev;
    r.body = std::move(body);
    r.time_unix_nano = t;
    if (ids) {
      r.trace_id = *TraceId::from_hex("0102030405060708090a0b0c0d0e0f10");
      r.span_id = *SpanId::from_hex("1112131415161718");
    }
    b.records.push_back(std::move(r));
  };
  add(checkout, 9, "order placed", 1'700'000'000'123'456'789, true);
  add(payment, 17, "card declined \"x\"", 1'700'000'001'000'000'000, false);
  add(checkout, 9, "order shipped", 1'700'000'002'000'000'001, false);
  return b;
}

struct DecodedEntry {
  int64_t seconds = 0, nanos = 0;
  std::string line;
  std::map<std::string, std::string> metadata;
};

std::map<std::string, std::string> decode_pair(std::string_view bytes) {
  ProtoReader r(bytes);
  WireField f;
  std::string name, value;
  while (r.next(&f)) (f.number == 1 ? name : value) = std::string(f.bytes);
  return {{name, value}};
}

DecodedEntry decode_entry(std::string_view bytes) {
  DecodedEntry e;
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    if (f.number == 1) {
      ProtoReader ts(f.bytes);
      WireField t;
      while (ts.next(&t)) (t.number == 1 ? e.seconds : e.nanos) = static_cast<int64_t>(t.scalar);
    } else if (f.number == 2) {
      e.line = std::string(f.bytes);
    } else if (f.number == 3) {
      e.metadata.merge(decode_pair(f.bytes));
    }
  }
  EXPECT_FALSE(r.failed());
  return e;
}

// labels -> entries
std::vector<std::pair<std::string, std::vector<DecodedEntry>>> decode_push(std::string_view bytes) {
  std::vector<std::pair<std::string, std::vector<DecodedEntry>>> out;
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    EXPECT_EQ(f.number, 1u);
    ProtoReader s(f.bytes);
    WireField g;
    out.emplace_back();
    while (s.next(&g)) {
      if (g.number == 1) out.back().first = std::string(g.bytes);
      if (g.number == 2) out.back().second.push_back(decode_entry(g.bytes));
    }
  }
  EXPECT_FALSE(r.failed());
  return out;
}

TEST(LokiPushEncoder, LabelsUsePrometheusSyntax) {
  EXPECT_EQ(loki_labels("checkout", "info"), R"({service_name="checkout",level="info"})");
  EXPECT_EQ(loki_labels("a\"b\\c", "warn"), R"({service_name="a\"b\\c",level="warn"})");
}

TEST(LokiPushEncoder, DecodesBackToStreamsAndEntries) {
  std::string body = encode_loki_push(sample_batch());
  Result<std::string> proto = snappy_uncompress(body, 64 << 20);
  ASSERT_TRUE(proto.is_ok()) << proto.status().message();
  EXPECT_EQ(*proto, encode_loki_push_proto(sample_batch()));
  auto streams = decode_push(*proto);
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].first, R"({service_name="checkout",level="info"})");
  EXPECT_EQ(streams[1].first, R"({service_name="pay\"ment",level="error"})");
  ASSERT_EQ(streams[0].second.size(), 2u);
  const DecodedEntry& first = streams[0].second[0];
  EXPECT_EQ(first.seconds, 1'700'000'000);
  EXPECT_EQ(first.nanos, 123'456'789);
  EXPECT_EQ(first.line, "order placed");
  EXPECT_EQ(first.metadata.at("trace_id"), "0102030405060708090a0b0c0d0e0f10");
  EXPECT_EQ(first.metadata.at("span_id"), "1112131415161718");
  EXPECT_EQ(streams[0].second[1].line, "order shipped");
  EXPECT_EQ(streams[0].second[1].nanos, 1);
  ASSERT_EQ(streams[1].second.size(), 1u);
  EXPECT_EQ(streams[1].second[0].line, "card declined \"x\"");
  EXPECT_EQ(streams[1].second[0].nanos, 0);
  EXPECT_TRUE(streams[1].second[0].metadata.empty());
}

TEST(ElasticBulkEncoder, WritesCreateActionsAndEcsDocuments) {
  std::string body = encode_elastic_bulk(sample_batch(), "logs");
  ASSERT_FALSE(body.empty());
  EXPECT_EQ(body.back(), '\n');
  std::vector<std::string> lines;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 6u);
  simdjson::dom::parser parser;
  for (size_t i = 0; i < lines.size(); i += 2) EXPECT_EQ(lines[i], R"({"create":{"_index":"logs"}})");

  simdjson::dom::element doc = parser.parse(lines[1]);
  EXPECT_EQ(std::string_view(doc["@timestamp"]), "2023-11-14T22:13:20.123456789Z");
  EXPECT_EQ(std::string_view(doc["message"]), "order placed");
  EXPECT_EQ(std::string_view(doc["log.level"]), "info");
  EXPECT_EQ(std::string_view(doc["service.name"]), "checkout");
  EXPECT_EQ(std::string_view(doc["trace.id"]), "0102030405060708090a0b0c0d0e0f10");
  EXPECT_EQ(std::string_view(doc["span.id"]), "1112131415161718");
  EXPECT_EQ(std::string_view(doc["host.name"]), "h1");

  doc = parser.parse(lines[3]);
  EXPECT_EQ(std::string_view(doc["message"]), "card declined \"x\"");
  EXPECT_EQ(std::string_view(doc["log.level"]), "error");
  EXPECT_EQ(std::string_view(doc["service.name"]), "pay\"ment");
  EXPECT_TRUE(doc["trace.id"].error() != simdjson::SUCCESS);
  EXPECT_TRUE(doc["host.name"].error() != simdjson::SUCCESS);
}

TEST(SplunkHecEncoder, WritesOneEventObjectPerRecord) {
  std::string body = encode_splunk_hec(sample_batch());
  std::vector<std::string> lines;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u);
  simdjson::dom::parser parser;
  simdjson::dom::element event = parser.parse(lines[0]);
  EXPECT_EQ(std::string_view(event["time"]), "1700000000.123456");
  EXPECT_EQ(std::string_view(event["host"]), "h1");
  EXPECT_EQ(std::string_view(event["source"]), "checkout");
  EXPECT_EQ(std::string_view(event["event"]["message"]), "order placed");
  EXPECT_EQ(std::string_view(event["event"]["severity"]), "info");
  EXPECT_EQ(std::string_view(event["event"]["trace_id"]), "0102030405060708090a0b0c0d0e0f10");
  event = parser.parse(lines[1]);
  EXPECT_EQ(std::string_view(event["source"]), "pay\"ment");
  EXPECT_TRUE(event["host"].error() != simdjson::SUCCESS);
  EXPECT_TRUE(event["event"]["span_id"].error() != simdjson::SUCCESS);
}

}  // namespace
}  // namespace weft::loadgen

// The stream encoders, read back by weft's own decoders.
namespace weft::loadgen {
namespace {

TEST(StreamEncoders, SyslogFramesDecodeBack) {
  LogBatch batch = sample_batch();
  std::string wire = encode_syslog_frames(batch);
  ingest::StreamFramer framer(ingest::Framing::kSyslog, 1 << 16);
  framer.append(wire);
  ingest::SyslogDecoder decoder;
  LogBatch back;
  while (auto frame = framer.next()) {
    ASSERT_EQ(frame->kind, ingest::Frame::Kind::kMessage);
    ASSERT_TRUE(decoder.decode_frame(frame->bytes, 1, back).is_ok());
  }
  ASSERT_EQ(back.records.size(), 3u);
  const LogRecord& first = back.records[0];
  EXPECT_EQ(*first.body.as_string(), "order placed");
  EXPECT_EQ(first.time_unix_nano, 1'700'000'000'123'456'000);  // microseconds on the wire
  EXPECT_EQ(first.severity_text, "info");
  EXPECT_EQ(service_name(*first.resource), "checkout");
  EXPECT_EQ(any_value_to_text(*find_attribute(first.attributes, "trace@32473.trace_id")),
            "0102030405060708090a0b0c0d0e0f10");
  EXPECT_EQ(find_attribute(first.attributes, "syslog.parse_error"), nullptr);
  EXPECT_EQ(back.records[1].severity_text, "err");
  EXPECT_EQ(*back.records[1].body.as_string(), "card declined \"x\"");
}

TEST(StreamEncoders, JsonLinesDecodeBack) {
  LogBatch batch = sample_batch();
  std::string wire = encode_json_lines(batch);
  ingest::JsonLinesDecoder decoder;
  ingest::JsonLinesReport report;
  LogBatch back = ingest::decode_json_lines_body(wire, decoder, 1, &report);
  EXPECT_EQ(report.rejected, 0u);
  ASSERT_EQ(back.records.size(), 3u);
  const LogRecord& first = back.records[0];
  EXPECT_EQ(*first.body.as_string(), "order placed");
  EXPECT_EQ(first.time_unix_nano, 1'700'000'000'123'456'789);
  EXPECT_EQ(first.severity_number, 9);
  EXPECT_EQ(first.trace_id.hex(), "0102030405060708090a0b0c0d0e0f10");
  EXPECT_EQ(service_name(*first.resource), "checkout");
  EXPECT_EQ(service_name(*back.records[1].resource), "pay\"ment");
  EXPECT_EQ(back.records[1].severity_number, 17);
}

}  // namespace
}  // namespace weft::loadgen
