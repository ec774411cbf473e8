#include "server/api/record_json.h"

#include <gtest/gtest.h>

namespace weft::server::api {
namespace {

constexpr std::string_view kTraceHex = "5b8efff798038103d269b633813fc60c";

ResourcePtr resource_of(std::string service) {
  auto resource = std::make_shared<Resource>();
  resource->attributes.push_back({"service.name", AnyValue(std::move(service))});
  return resource;
}

LogRecord sample_record() {
  LogRecord record;
  record.time_unix_nano = 1795428245123456789;
  record.observed_time_unix_nano = 1795428245123460000;
  record.severity_number = 17;
  record.body = AnyValue("payment failed");
  record.attributes = {{"order.id", AnyValue(42)}, {"retry", AnyValue(true)}};
  record.flags = 1;
  record.trace_id = *TraceId::from_hex(kTraceHex);
  record.span_id = *SpanId::from_hex("eee19b7ec3c1b174");
  record.resource = resource_of("payment");
  auto scope = std::make_shared<Scope>();
  scope->name = "checkout";
  scope->version = "1.2.0";
  record.scope = scope;
  return record;
}

Span sample_span() {
  Span span;
  span.trace_id = *TraceId::from_hex(kTraceHex);
  span.span_id = *SpanId::from_hex("eee19b7ec3c1b174");
  span.flags = 257;
  span.name = "GET /checkout";
  span.kind = SpanKind::kServer;
  span.start_time_unix_nano = 1795428245100000000;
  span.end_time_unix_nano = 1795428245350000000;
  span.attributes = {{"http.method", AnyValue("GET")}};
  span.events.push_back(SpanEvent{1795428245200000000, "retry", {}, 0});
  SpanLink link;
  link.trace_id = span.trace_id;
  link.span_id = *SpanId::from_hex("0102030405060708");
  span.links.push_back(link);
  span.status_code = SpanStatusCode::kError;
  span.status_message = "card declined";
  span.resource = resource_of("gateway");
  span.scope = std::make_shared<Scope>();
  return span;
}

TEST(RecordJsonTest, WritesALogRecord) {
  JsonWriter w;
  write_log_record_json(w, sample_record());
  EXPECT_EQ(w.str(),
            R"({"time":"2026-11-23T10:04:05.123456789Z","time_unix_nano":"1795428245123456789",)"
            R"("observed_time_unix_nano":"1795428245123460000","severity":"ERROR",)"
            R"("severity_number":17,"body":"payment failed","service":"payment",)"
            R"("trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174",)"
            R"("flags":1,"event_name":"","attributes":{"order.id":42,"retry":true},)"
            R"("dropped_attributes_count":0,"resource":{"attributes":{"service.name":"payment"},)"
            R"("dropped_attributes_count":0,"schema_url":""},"scope":{"name":"checkout",)"
            R"("version":"1.2.0","attributes":{},"dropped_attributes_count":0,"schema_url":""}})");
}

TEST(RecordJsonTest, RecordTimeFallsBackToObservedTime) {
  LogRecord record = sample_record();
  record.time_unix_nano = 0;
  JsonWriter w;
  write_log_record_json(w, record);
  EXPECT_NE(w.str().find(R"("time":"2026-11-23T10:04:05.123460000Z","time_unix_nano":"0")"),
            std::string::npos)
      << w.str();
}

TEST(RecordJsonTest, AbsentIdsAndResourceAreEmpty) {
  LogRecord record;
  JsonWriter w;
  write_log_record_json(w, record);
  const std::string& json = w.str();
  EXPECT_NE(json.find(R"("trace_id":"","span_id":"")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("service":"unknown_service")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("resource":{"attributes":{},"dropped_attributes_count":0,"schema_url":""})"),
            std::string::npos)
      << json;
}

TEST(RecordJsonTest, SeverityTextWinsOverNumber) {
  LogRecord record;
  EXPECT_EQ(severity_display(record), "");
  record.severity_number = 9;
  EXPECT_EQ(severity_display(record), "INFO");
  record.severity_number = 14;
  EXPECT_EQ(severity_display(record), "WARN");
  record.severity_text = "Warning";
  EXPECT_EQ(severity_display(record), "Warning");
  record.severity_text.clear();
  record.severity_number = 99;
  EXPECT_EQ(severity_display(record), "");
}

TEST(RecordJsonTest, NonStringBodiesBecomeText) {
  LogRecord record;
  record.body = AnyValue(std::vector<KeyValue>{{"a", AnyValue(1)}});
  JsonWriter w;
  write_log_record_json(w, record);
  EXPECT_NE(w.str().find(R"("body":"{\"a\":1}")"), std::string::npos) << w.str();
}

TEST(RecordJsonTest, WritesASpan) {
  JsonWriter w;
  write_span_json(w, sample_span());
  EXPECT_EQ(w.str(),
            R"({"trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174",)"
            R"("parent_span_id":"","trace_state":"","flags":257,"name":"GET /checkout",)"
            R"("kind":"server","service":"gateway","start_time":"2026-11-23T10:04:05.100000000Z",)"
            R"("start_time_unix_nano":"1795428245100000000","end_time_unix_nano":"1795428245350000000",)"
            R"("duration_nanos":"250000000","status":{"code":"error","message":"card declined"},)"
            R"("attributes":{"http.method":"GET"},"dropped_attributes_count":0,)"
            R"("events":[{"time_unix_nano":"1795428245200000000","name":"retry","attributes":{},)"
            R"("dropped_attributes_count":0}],"dropped_events_count":0,)"
            R"("links":[{"trace_id":"5b8efff798038103d269b633813fc60c","span_id":"0102030405060708",)"
            R"("trace_state":"","flags":0,"attributes":{},"dropped_attributes_count":0}],)"
            R"("dropped_links_count":0,"resource":{"attributes":{"service.name":"gateway"},)"
            R"("dropped_attributes_count":0,"schema_url":""},"scope":{"name":"","version":"",)"
            R"("attributes":{},"dropped_attributes_count":0,"schema_url":""}})");
}

}  // namespace
}  // namespace weft::server::api
