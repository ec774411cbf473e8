// Tests of the OTLP protobuf decoders on hand-built messages: every field, every AnyValue
// kind, sharing of resources and scopes, unknown fields, and the per-record reject rules.
#include <gtest/gtest.h>

#include <bit>

#include "otlp/otlp_decode.h"
#include "otlp/proto_test_builder.h"

namespace weft::otlp {
namespace {

using testing::Pb;

std::string id_bytes(size_t n, uint8_t first = 1) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += static_cast<char>(first + i);
  return s;
}

Pb kv(std::string_view key, const Pb& value) { return Pb().bytes(1, key).msg(2, value); }
Pb str_value(std::string_view s) { return Pb().bytes(1, s); }

// ExportLogsServiceRequest with one ResourceLogs and one ScopeLogs holding `records`.
std::string logs_request(const std::vector<Pb>& records) {
  Pb scope_logs;
  for (const Pb& r : records) scope_logs.msg(2, r);
  return Pb().msg(1, Pb().msg(2, scope_logs)).str();
}

std::string spans_request(const std::vector<Pb>& spans) {
  Pb scope_spans;
  for (const Pb& s : spans) scope_spans.msg(2, s);
  return Pb().msg(1, Pb().msg(2, scope_spans)).str();
}

Pb valid_span() { return Pb().bytes(1, id_bytes(16)).bytes(2, id_bytes(8)); }

TEST(OtlpProtoDecode, EveryLogRecordField) {
  Pb rec = Pb().fixed64(1, 1700000000000000001ull)
               .varint(2, 17)
               .bytes(3, "ERROR")
               .msg(5, str_value("payment failed"))
               .msg(6, kv("user", Pb().varint(3, 42)))
               .varint(7, 3)
               .fixed32(8, 1)
               .bytes(9, id_bytes(16))
               .bytes(10, id_bytes(8, 50))
               .fixed64(11, 1700000000000000002ull)
               .bytes(12, "app.payment");
  DecodeReport report;
  auto batch = decode_logs_proto(logs_request({rec}), {}, &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->records.size(), 1u);
  const LogRecord& r = batch->records[0];
  EXPECT_EQ(r.time_unix_nano, 1700000000000000001);
  EXPECT_EQ(r.observed_time_unix_nano, 1700000000000000002);
  EXPECT_EQ(r.severity_number, 17);
  EXPECT_EQ(r.severity_text, "ERROR");
  EXPECT_EQ(r.body, AnyValue("payment failed"));
  ASSERT_EQ(r.attributes.size(), 1u);
  EXPECT_EQ(r.attributes[0].key, "user");
  EXPECT_EQ(r.attributes[0].value, AnyValue(42));
  EXPECT_EQ(r.dropped_attributes_count, 3u);
  EXPECT_EQ(r.flags, 1u);
  EXPECT_EQ(r.trace_id.view(), id_bytes(16));
  EXPECT_EQ(r.span_id.view(), id_bytes(8, 50));
  EXPECT_EQ(r.event_name, "app.payment");
  EXPECT_EQ(report.rejected, 0u);
  EXPECT_EQ(report.message, "");
  ASSERT_NE(r.resource, nullptr);
  ASSERT_NE(r.scope, nullptr);
}

TEST(OtlpProtoDecode, EveryAnyValueKind) {
  Pb nested_array = Pb().msg(1, Pb().varint(2, 1)).msg(1, Pb().msg(6, Pb()));
  Pb array = Pb().msg(1, Pb().varint(3, 1)).msg(1, str_value("x")).msg(1, Pb().msg(5, nested_array))
                 .msg(1, Pb());
  Pb kvlist = Pb().msg(1, kv("k", Pb().msg(6, Pb().msg(1, kv("inner", Pb().varint(3, 2))))));
  Pb body = Pb().msg(6, Pb().msg(1, kv("s", str_value("text")))
                             .msg(1, kv("empty_string", str_value("")))
                             .msg(1, kv("b", Pb().varint(2, 0)))
                             .msg(1, kv("i", Pb().varint(3, static_cast<uint64_t>(-5))))
                             .msg(1, kv("d", Pb().fixed64(4, std::bit_cast<uint64_t>(2.5))))
                             .msg(1, kv("bytes", Pb().bytes(7, std::string("\0\1", 2))))
                             .msg(1, kv("arr", Pb().msg(5, array)))
                             .msg(1, kv("kv", Pb().msg(6, kvlist)))
                             .msg(1, Pb().bytes(1, "no_value")));
  auto batch = decode_logs_proto(logs_request({Pb().msg(5, body)}), {}, nullptr);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  AnyValue want(std::vector<KeyValue>{
      {"s", AnyValue("text")},
      {"empty_string", AnyValue("")},
      {"b", AnyValue(false)},
      {"i", AnyValue(int64_t{-5})},
      {"d", AnyValue(2.5)},
      {"bytes", AnyValue(Bytes{std::string("\0\1", 2)})},
      {"arr", AnyValue(std::vector<AnyValue>{
                  AnyValue(1), AnyValue("x"),
                  AnyValue(std::vector<AnyValue>{AnyValue(true),
                                                 AnyValue(std::vector<KeyValue>{})}),
                  AnyValue()})},
      {"kv", AnyValue(std::vector<KeyValue>{
                 {"k", AnyValue(std::vector<KeyValue>{{"inner", AnyValue(2)}})}})},
      {"no_value", AnyValue()},
  });
  EXPECT_EQ(batch->records[0].body, want);
}

TEST(OtlpProtoDecode, ResourceScopeAndSchemaUrlsAreShared) {
  Pb resource = Pb().msg(1, kv("service.name", str_value("checkout"))).varint(2, 4);
  Pb scope = Pb().bytes(1, "lib").bytes(2, "1.0").msg(3, kv("a", str_value("b"))).varint(4, 2);
  // The resource and schema url come after the scopes: sharing must not depend on order.
  Pb scope_logs1 = Pb().msg(2, Pb().bytes(3, "r1")).msg(1, scope).msg(2, Pb().bytes(3, "r2"))
                       .bytes(3, "scope-schema");
  Pb scope_logs2 = Pb().msg(2, Pb().bytes(3, "r3"));
  Pb resource_logs = Pb().msg(2, scope_logs1).msg(2, scope_logs2).msg(1, resource)
                         .bytes(3, "resource-schema");
  std::string wire = Pb().msg(1, resource_logs).msg(1, Pb().msg(2, scope_logs2)).str();
  auto batch = decode_logs_proto(wire, {}, nullptr);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  const auto& recs = batch->records;
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].resource, recs[2].resource);
  EXPECT_NE(recs[2].resource, recs[3].resource);
  EXPECT_EQ(recs[0].scope, recs[1].scope);
  EXPECT_NE(recs[1].scope, recs[2].scope);
  EXPECT_EQ(recs[0].resource->schema_url, "resource-schema");
  EXPECT_EQ(recs[0].resource->dropped_attributes_count, 4u);
  EXPECT_EQ(service_name(*recs[0].resource), "checkout");
  EXPECT_EQ(recs[0].scope->name, "lib");
  EXPECT_EQ(recs[0].scope->version, "1.0");
  EXPECT_EQ(recs[0].scope->attributes.size(), 1u);
  EXPECT_EQ(recs[0].scope->dropped_attributes_count, 2u);
  EXPECT_EQ(recs[0].scope->schema_url, "scope-schema");
  EXPECT_EQ(recs[2].scope->name, "");
  EXPECT_EQ(recs[3].resource->attributes.size(), 0u);
}

TEST(OtlpProtoDecode, UnknownFieldsAreSkipped) {
  Pb unknown = Pb().varint(99, 1).fixed32(98, 2).fixed64(97, 3).bytes(96, "x").tag(95, 3)
                   .varint(1, 1).tag(95, 4);
  Pb rec = Pb(unknown).bytes(3, "INFO").raw(unknown.str());
  Pb scope_logs = Pb(unknown).msg(2, rec);
  std::string wire = Pb(unknown).msg(1, Pb(unknown).msg(2, scope_logs).msg(1000, Pb())).str();
  auto batch = decode_logs_proto(wire, {}, nullptr);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].severity_text, "INFO");
}

TEST(OtlpProtoDecode, EmptyRequestIsValid) {
  auto logs = decode_logs_proto("", {}, nullptr);
  ASSERT_TRUE(logs.is_ok());
  EXPECT_TRUE(logs->records.empty());
  EXPECT_TRUE(logs->tenant.empty());
  auto spans = decode_spans_proto("", {}, nullptr);
  ASSERT_TRUE(spans.is_ok());
  EXPECT_TRUE(spans->spans.empty());
}

TEST(OtlpProtoDecode, ObservedTimeFilledOnlyWhenMissing) {
  DecodeOptions options;
  options.observed_now = 555;
  auto batch = decode_logs_proto(
      logs_request({Pb().bytes(3, "a"), Pb().fixed64(11, 7), Pb().fixed64(1, 9)}), options,
      nullptr);
  ASSERT_TRUE(batch.is_ok());
  EXPECT_EQ(batch->records[0].observed_time_unix_nano, 555);
  EXPECT_EQ(batch->records[1].observed_time_unix_nano, 7);
  EXPECT_EQ(batch->records[2].observed_time_unix_nano, 555);
  EXPECT_EQ(batch->records[2].effective_time(), 9);
  auto unfilled = decode_logs_proto(logs_request({Pb().bytes(3, "a")}), {}, nullptr);
  EXPECT_EQ(unfilled->records[0].observed_time_unix_nano, 0);
}

TEST(OtlpProtoDecode, LogRecordsWithBadIdLengthsAreRejected) {
  DecodeReport report;
  auto batch = decode_logs_proto(
      logs_request({Pb().bytes(3, "ok-empty-ids"), Pb().bytes(9, id_bytes(5)).bytes(3, "bad"),
                    Pb().bytes(10, id_bytes(9)), Pb().bytes(9, id_bytes(16)).bytes(3, "ok")}),
      {}, &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->records.size(), 2u);
  EXPECT_EQ(batch->records[0].severity_text, "ok-empty-ids");
  EXPECT_EQ(batch->records[1].severity_text, "ok");
  EXPECT_EQ(report.rejected, 2u);
  EXPECT_EQ(report.message,
            "resource_logs[0].scope_logs[0].log_records[1]: trace_id must be 16 bytes, got 5");
}

TEST(OtlpProtoDecode, EverySpanField) {
  Pb event = Pb().fixed64(1, 11).bytes(2, "exception").msg(3, kv("e", str_value("x")))
                 .varint(4, 1);
  Pb link = Pb().bytes(1, id_bytes(16, 30)).bytes(2, id_bytes(8, 40)).bytes(3, "k=v")
                .msg(4, kv("l", Pb().varint(2, 1))).varint(5, 2).fixed32(6, 256);
  Pb span = valid_span()
                .bytes(3, "vendor=1")
                .bytes(4, id_bytes(8, 60))
                .bytes(5, "GET /checkout")
                .varint(6, 2)
                .fixed64(7, 1000)
                .fixed64(8, 2500)
                .msg(9, kv("http.method", str_value("GET")))
                .varint(10, 3)
                .msg(11, event)
                .msg(11, Pb())
                .varint(12, 4)
                .msg(13, link)
                .varint(14, 5)
                .msg(15, Pb().bytes(2, "boom").varint(3, 2))
                .fixed32(16, 257);
  DecodeReport report;
  auto batch = decode_spans_proto(spans_request({span}), {}, &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->spans.size(), 1u);
  const Span& s = batch->spans[0];
  EXPECT_EQ(s.trace_id.view(), id_bytes(16));
  EXPECT_EQ(s.span_id.view(), id_bytes(8));
  EXPECT_EQ(s.trace_state, "vendor=1");
  EXPECT_EQ(s.parent_span_id.view(), id_bytes(8, 60));
  EXPECT_EQ(s.name, "GET /checkout");
  EXPECT_EQ(s.kind, SpanKind::kServer);
  EXPECT_EQ(s.start_time_unix_nano, 1000);
  EXPECT_EQ(s.end_time_unix_nano, 2500);
  EXPECT_EQ(s.duration_nanos(), 1500);
  ASSERT_EQ(s.attributes.size(), 1u);
  EXPECT_EQ(s.dropped_attributes_count, 3u);
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].time_unix_nano, 11);
  EXPECT_EQ(s.events[0].name, "exception");
  EXPECT_EQ(s.events[0].attributes.size(), 1u);
  EXPECT_EQ(s.events[0].dropped_attributes_count, 1u);
  EXPECT_EQ(s.events[1].name, "");
  EXPECT_EQ(s.dropped_events_count, 4u);
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].trace_id.view(), id_bytes(16, 30));
  EXPECT_EQ(s.links[0].span_id.view(), id_bytes(8, 40));
  EXPECT_EQ(s.links[0].trace_state, "k=v");
  EXPECT_EQ(s.links[0].attributes[0].value, AnyValue(true));
  EXPECT_EQ(s.links[0].dropped_attributes_count, 2u);
  EXPECT_EQ(s.links[0].flags, 256u);
  EXPECT_EQ(s.dropped_links_count, 5u);
  EXPECT_EQ(s.status_code, SpanStatusCode::kError);
  EXPECT_EQ(s.status_message, "boom");
  EXPECT_EQ(s.flags, 257u);
  EXPECT_EQ(report.rejected, 0u);
}

TEST(OtlpProtoDecode, SpansWithMissingOrBadIdsAreRejected) {
  std::vector<Pb> spans = {
      valid_span().bytes(5, "kept"),
      Pb().bytes(2, id_bytes(8)),                                        // no trace id
      Pb().bytes(1, id_bytes(16)),                                       // no span id
      Pb().bytes(1, std::string(16, '\0')).bytes(2, id_bytes(8)),        // zero trace id
      Pb().bytes(1, id_bytes(16)).bytes(2, std::string(8, '\0')),        // zero span id
      Pb().bytes(1, id_bytes(15)).bytes(2, id_bytes(8)),                 // short trace id
      valid_span().bytes(4, id_bytes(7)),                                // bad parent
      valid_span().msg(13, Pb().bytes(1, id_bytes(3))),                  // bad link trace id
      valid_span().bytes(5, "kept too").bytes(4, ""),                    // empty parent: root
  };
  DecodeReport report;
  auto batch = decode_spans_proto(spans_request(spans), {}, &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->spans.size(), 2u);
  EXPECT_EQ(batch->spans[0].name, "kept");
  EXPECT_EQ(batch->spans[1].name, "kept too");
  EXPECT_FALSE(batch->spans[1].parent_span_id.present());
  EXPECT_EQ(report.rejected, 7u);
  EXPECT_EQ(report.message, "resource_spans[0].scope_spans[0].spans[1]: missing trace_id");
}

TEST(OtlpProtoDecode, RejectMessageNamesTheLink) {
  DecodeReport report;
  auto batch = decode_spans_proto(
      spans_request({valid_span().msg(13, Pb()).msg(13, Pb().bytes(2, id_bytes(3))) }), {},
      &report);
  ASSERT_TRUE(batch.is_ok());
  EXPECT_TRUE(batch->spans.empty());
  EXPECT_EQ(report.message,
            "resource_spans[0].scope_spans[0].spans[0].links[1]: span_id must be 8 bytes, got 3");
}

TEST(OtlpProtoDecode, NegativeEnumsAndLargeCounts) {
  Pb rec = Pb().varint(2, static_cast<uint64_t>(int64_t{-3})).varint(7, (1ull << 32) + 5);
  auto batch = decode_logs_proto(logs_request({rec}), {}, nullptr);
  ASSERT_TRUE(batch.is_ok());
  EXPECT_EQ(batch->records[0].severity_number, -3);
  EXPECT_EQ(batch->records[0].dropped_attributes_count, 5u);  // truncated like protobuf
}

}  // namespace
}  // namespace weft::otlp
