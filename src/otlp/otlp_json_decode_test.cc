// Tests of the OTLP/JSON decoders: the payloads real exporters send, every field and value
// kind, the scalar mappings (hex ids, int64 as string or number, enum names, NaN), wrong
// types with paths, and the reject rules.
#include <gtest/gtest.h>

#include <cmath>

#include "otlp/otlp_decode.h"

namespace weft::otlp {
namespace {

// Shaped like @opentelemetry/exporter-logs-otlp-http 0.223 output.
constexpr std::string_view kJsLogs = R"({"resourceLogs":[{"resource":{"attributes":[
  {"key":"service.name","value":{"stringValue":"wire-probe"}}],"droppedAttributesCount":0},
  "scopeLogs":[{"scope":{"name":"probe","version":"1.0.0"},"logRecords":[
  {"timeUnixNano":"1795315856151000000","observedTimeUnixNano":"1795315856151000001",
   "severityNumber":9,"severityText":"INFO","body":{"stringValue":"user logged in"},
   "attributes":[{"key":"user.id","value":{"intValue":42}},
                 {"key":"ok","value":{"boolValue":true}},
                 {"key":"ratio","value":{"doubleValue":0.5}},
                 {"key":"tags","value":{"arrayValue":{"values":[{"stringValue":"a"}]}}}],
   "droppedAttributesCount":0,"flags":1,
   "traceId":"5b8efff798038103d269b633813fc60c","spanId":"EEE19B7EC3C1B174"}]}]}]})";

// Shaped like @opentelemetry/exporter-trace-otlp-http 0.223 output (child before parent).
constexpr std::string_view kJsTraces = R"({"resourceSpans":[{"resource":{"attributes":[
  {"key":"service.name","value":{"stringValue":"checkout"}}],"droppedAttributesCount":0},
  "scopeSpans":[{"scope":{"name":"probe"},"spans":[
  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
   "parentSpanId":"eee19b7ec3c1b173","name":"SELECT orders","kind":3,
   "startTimeUnixNano":"1795315856000000000","endTimeUnixNano":"1795315856250000000",
   "attributes":[],"droppedAttributesCount":0,
   "events":[{"attributes":[{"key":"rows","value":{"intValue":3}}],"name":"fetched",
              "timeUnixNano":"1795315856100000000","droppedAttributesCount":0}],
   "droppedEventsCount":0,"status":{"code":2,"message":"timeout"},"links":[],
   "droppedLinksCount":0,"flags":257},
  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b173",
   "name":"GET /checkout","kind":2,"startTimeUnixNano":"1795315855900000000",
   "endTimeUnixNano":"1795315856300000000","status":{"code":0}}]}]}]})";

Result<LogBatch> logs(std::string_view json, DecodeReport* report = nullptr,
                      DecodeOptions options = {}) {
  return decode_logs_json(json, options, report);
}

Result<SpanBatch> spans(std::string_view json, DecodeReport* report = nullptr) {
  return decode_spans_json(json, {}, report);
}

// A logs request with one record whose JSON object is `record`.
std::string one_record(std::string_view record) {
  return R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[)" + std::string(record) + "]}]}]}";
}

std::string one_span(std::string_view fields) {
  return R"({"resourceSpans":[{"scopeSpans":[{"spans":[{)"
         R"("traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174")" +
         std::string(fields) + "}]}]}]}";
}

TEST(OtlpJsonDecode, JsExporterLogs) {
  DecodeReport report;
  auto batch = logs(kJsLogs, &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->records.size(), 1u);
  const LogRecord& r = batch->records[0];
  EXPECT_EQ(r.time_unix_nano, 1795315856151000000);
  EXPECT_EQ(r.observed_time_unix_nano, 1795315856151000001);
  EXPECT_EQ(r.severity_number, 9);
  EXPECT_EQ(r.severity_text, "INFO");
  EXPECT_EQ(r.body, AnyValue("user logged in"));
  ASSERT_EQ(r.attributes.size(), 4u);
  EXPECT_EQ(r.attributes[0].value, AnyValue(42));
  EXPECT_EQ(r.attributes[1].value, AnyValue(true));
  EXPECT_EQ(r.attributes[2].value, AnyValue(0.5));
  EXPECT_EQ(r.attributes[3].value, AnyValue(std::vector<AnyValue>{AnyValue("a")}));
  EXPECT_EQ(r.flags, 1u);
  EXPECT_EQ(r.trace_id.hex(), "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(r.span_id.hex(), "eee19b7ec3c1b174");  // uppercase hex accepted
  EXPECT_EQ(service_name(*r.resource), "wire-probe");
  EXPECT_EQ(r.scope->name, "probe");
  EXPECT_EQ(r.scope->version, "1.0.0");
  EXPECT_EQ(report.rejected, 0u);
}

TEST(OtlpJsonDecode, JsExporterTraces) {
  auto batch = spans(kJsTraces);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->spans.size(), 2u);
  const Span& child = batch->spans[0];
  EXPECT_EQ(child.name, "SELECT orders");
  EXPECT_EQ(child.kind, SpanKind::kClient);
  EXPECT_EQ(child.parent_span_id.hex(), "eee19b7ec3c1b173");
  EXPECT_EQ(child.start_time_unix_nano, 1795315856000000000);
  EXPECT_EQ(child.end_time_unix_nano, 1795315856250000000);
  ASSERT_EQ(child.events.size(), 1u);
  EXPECT_EQ(child.events[0].name, "fetched");
  EXPECT_EQ(child.events[0].time_unix_nano, 1795315856100000000);
  EXPECT_EQ(child.events[0].attributes[0].value, AnyValue(3));
  EXPECT_EQ(child.status_code, SpanStatusCode::kError);
  EXPECT_EQ(child.status_message, "timeout");
  EXPECT_EQ(child.flags, 257u);
  EXPECT_TRUE(child.links.empty());
  const Span& root = batch->spans[1];
  EXPECT_FALSE(root.parent_span_id.present());
  EXPECT_EQ(root.kind, SpanKind::kServer);
  EXPECT_EQ(child.resource, root.resource);
  EXPECT_EQ(child.scope, root.scope);
}

TEST(OtlpJsonDecode, EverySpanFieldIncludingLinks) {
  auto batch = spans(one_span(R"(,"traceState":"a=b","droppedAttributesCount":"2",
    "droppedEventsCount":3,"droppedLinksCount":"4",
    "links":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708",
              "traceState":"x=y","attributes":[{"key":"k","value":{"stringValue":"v"}}],
              "droppedAttributesCount":5,"flags":256}])"));
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  const Span& s = batch->spans[0];
  EXPECT_EQ(s.trace_state, "a=b");
  EXPECT_EQ(s.dropped_attributes_count, 2u);
  EXPECT_EQ(s.dropped_events_count, 3u);
  EXPECT_EQ(s.dropped_links_count, 4u);
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].trace_id.hex(), "0102030405060708090a0b0c0d0e0f10");
  EXPECT_EQ(s.links[0].span_id.hex(), "0102030405060708");
  EXPECT_EQ(s.links[0].trace_state, "x=y");
  EXPECT_EQ(s.links[0].attributes.size(), 1u);
  EXPECT_EQ(s.links[0].dropped_attributes_count, 5u);
  EXPECT_EQ(s.links[0].flags, 256u);
}

TEST(OtlpJsonDecode, EveryAnyValueKind) {
  auto batch = logs(one_record(R"({"body":{"kvlistValue":{"values":[
    {"key":"s","value":{"stringValue":""}},
    {"key":"b","value":{"boolValue":false}},
    {"key":"i","value":{"intValue":"-9007199254740993"}},
    {"key":"d","value":{"doubleValue":"NaN"}},
    {"key":"inf","value":{"doubleValue":"-Infinity"}},
    {"key":"dnum","value":{"doubleValue":2}},
    {"key":"bytes","value":{"bytesValue":"AP8Q"}},
    {"key":"arr","value":{"arrayValue":{"values":[{"intValue":1},{"arrayValue":{}},null]}}},
    {"key":"kv","value":{"kvlistValue":{"values":[{"key":"in","value":{"intValue":2}}]}}},
    {"key":"none"},
    {"key":"nullv","value":null}]}}})"));
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  const auto& kv = std::get<std::vector<KeyValue>>(batch->records[0].body.v);
  ASSERT_EQ(kv.size(), 11u);
  EXPECT_EQ(kv[0].value, AnyValue(""));
  EXPECT_EQ(kv[1].value, AnyValue(false));
  EXPECT_EQ(kv[2].value, AnyValue(int64_t{-9007199254740993}));
  EXPECT_TRUE(std::isnan(std::get<double>(kv[3].value.v)));
  EXPECT_EQ(kv[4].value, AnyValue(-std::numeric_limits<double>::infinity()));
  EXPECT_EQ(kv[5].value, AnyValue(2.0));
  EXPECT_EQ(kv[6].value, AnyValue(Bytes{std::string("\x00\xff\x10", 3)}));
  EXPECT_EQ(kv[7].value, AnyValue(std::vector<AnyValue>{AnyValue(1),
                                                        AnyValue(std::vector<AnyValue>{}),
                                                        AnyValue()}));
  EXPECT_EQ(kv[8].value,
            AnyValue(std::vector<KeyValue>{{"in", AnyValue(2)}}));
  EXPECT_TRUE(kv[9].value.empty());
  EXPECT_TRUE(kv[10].value.empty());
}

TEST(OtlpJsonDecode, SnakeCaseNamesAndEnumNames) {
  auto batch = logs(R"({"resource_logs":[{"schema_url":"rs","scope_logs":[{"schema_url":"ss",
    "log_records":[{"time_unix_nano":5,"observed_time_unix_nano":"6",
    "severity_number":"SEVERITY_NUMBER_WARN2","severity_text":"W","dropped_attributes_count":1,
    "trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174",
    "event_name":"e","body":{"string_value":"x"}}]}]}]})");
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  const LogRecord& r = batch->records[0];
  EXPECT_EQ(r.time_unix_nano, 5);
  EXPECT_EQ(r.observed_time_unix_nano, 6);
  EXPECT_EQ(r.severity_number, 14);
  EXPECT_EQ(r.dropped_attributes_count, 1u);
  EXPECT_TRUE(r.trace_id.present());
  EXPECT_EQ(r.event_name, "e");
  EXPECT_EQ(r.body, AnyValue("x"));
  EXPECT_EQ(r.resource->schema_url, "rs");
  EXPECT_EQ(r.scope->schema_url, "ss");

  auto sp = spans(one_span(R"(,"kind":"SPAN_KIND_CONSUMER","status":{"code":"STATUS_CODE_OK"},
                              "start_time_unix_nano":"7","parent_span_id":"")"));
  ASSERT_TRUE(sp.is_ok()) << sp.status().to_string();
  EXPECT_EQ(sp->spans[0].kind, SpanKind::kConsumer);
  EXPECT_EQ(sp->spans[0].status_code, SpanStatusCode::kOk);
  EXPECT_EQ(sp->spans[0].start_time_unix_nano, 7);
}

TEST(OtlpJsonDecode, Int64AsStringOrNumber) {
  auto batch = logs(one_record(R"({"timeUnixNano":18446744073709551615,
    "attributes":[{"key":"a","value":{"intValue":"9223372036854775807"}},
                  {"key":"b","value":{"intValue":-9223372036854775808}},
                  {"key":"c","value":{"intValue":1e3}}]})"));
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  const LogRecord& r = batch->records[0];
  EXPECT_EQ(r.time_unix_nano, -1);  // fixed64 max keeps its bits, as in protobuf
  EXPECT_EQ(r.attributes[0].value, AnyValue(std::numeric_limits<int64_t>::max()));
  EXPECT_EQ(r.attributes[1].value, AnyValue(std::numeric_limits<int64_t>::min()));
  EXPECT_EQ(r.attributes[2].value, AnyValue(1000));
}

TEST(OtlpJsonDecode, EmptyAndNullInputs) {
  auto empty = logs("{}");
  ASSERT_TRUE(empty.is_ok());
  EXPECT_TRUE(empty->records.empty());
  auto null_list = spans(R"({"resourceSpans":null})");
  ASSERT_TRUE(null_list.is_ok());
  auto empty_lists = logs(R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[]}]}]})");
  ASSERT_TRUE(empty_lists.is_ok());
  auto empty_record = logs(one_record("{}"));
  ASSERT_TRUE(empty_record.is_ok());
  EXPECT_EQ(empty_record->records.size(), 1u);
}

TEST(OtlpJsonDecode, UnknownFieldsIgnored) {
  auto batch = logs(one_record(R"({"futureField":{"a":[1,2,{"b":null}]},"severityText":"X"})"));
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  EXPECT_EQ(batch->records[0].severity_text, "X");
}

TEST(OtlpJsonDecode, ObservedTimeFilled) {
  DecodeOptions options;
  options.observed_now = 77;
  auto batch = logs(one_record(R"({"timeUnixNano":"5"})"), nullptr, options);
  ASSERT_TRUE(batch.is_ok());
  EXPECT_EQ(batch->records[0].observed_time_unix_nano, 77);
}

struct WrongCase {
  std::string json;
  std::string message;
};

TEST(OtlpJsonDecode, WrongTypesAreInvalidWithPath) {
  const std::string rec = "resourceLogs[0].scopeLogs[0].logRecords[0]";
  std::vector<WrongCase> cases = {
      {"[]", "expected an object, got an array"},
      {R"({"resourceLogs":{}})", "resourceLogs: expected an array, got an object"},
      {R"({"resourceLogs":[1]})", "resourceLogs[0]: expected an object, got an integer"},
      {one_record(R"({"timeUnixNano":true})"),
       rec + ".timeUnixNano: expected an integer or a decimal string, got a boolean"},
      {one_record(R"({"timeUnixNano":"12x"})"), rec + ".timeUnixNano: expected a decimal uint64"},
      {one_record(R"({"timeUnixNano":-5})"), rec + ".timeUnixNano: expected an unsigned integer"},
      {one_record(R"({"severityText":5})"),
       rec + ".severityText: expected a string, got an integer"},
      {one_record(R"({"severityNumber":"LOUD"})"), rec + ".severityNumber: unknown enum value"},
      {one_record(R"({"flags":4294967296})"), rec + ".flags: integer out of the uint32 range"},
      {one_record(R"({"body":"text"})"), rec + ".body: expected an object, got a string"},
      {one_record(R"({"body":{"boolValue":"true"}})"), rec + ".body.boolValue: expected a boolean"},
      {one_record(R"({"body":{"intValue":1.5}})"), rec + ".body.intValue: expected an integer"},
      {one_record(R"({"body":{"doubleValue":"fast"}})"),
       rec + ".body.doubleValue: expected a number"},
      {one_record(R"({"body":{"bytesValue":"!!"}})"), rec + ".body.bytesValue: invalid base64"},
      {one_record(R"({"body":{"arrayValue":{"values":[{"intValue":"x"}]}}})"),
       rec + ".body.arrayValue.values[0].intValue: expected a decimal int64 string"},
      {one_record(R"({"attributes":[{"key":1}]})"),
       rec + ".attributes[0].key: expected a string, got an integer"},
      {one_record(R"({"attributes":{}})"), rec + ".attributes: expected an array"},
      {one_record(R"({"traceId":16})"), rec + ".traceId: expected a hex string, got an integer"},
      {one_span(R"(,"events":[{"timeUnixNano":{}}])"),
       "resourceSpans[0].scopeSpans[0].spans[0].events[0].timeUnixNano: expected an integer"},
      {one_span(R"(,"status":{"code":"BROKEN"})"), "spans[0].status.code: unknown enum value"},
      {one_span(R"(,"kind":[])"), "spans[0].kind: expected an integer"},
      {one_span(R"(,"links":[{"flags":"x"}])"), "spans[0].links[0].flags: expected a decimal"},
  };
  for (const WrongCase& c : cases) {
    bool is_span = c.json.find("resourceSpans") != std::string::npos;
    Status st = is_span ? spans(c.json).status() : logs(c.json).status();
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.json;
    EXPECT_NE(st.message().find(c.message), std::string::npos)
        << "got: " << st.message() << "\nwant: " << c.message;
  }
}

TEST(OtlpJsonDecode, MalformedJsonIsInvalid) {
  for (std::string_view bad : {"", "{", "{\"resourceLogs\":[}", "nul", "{\"a\":1}x"}) {
    auto result = logs(bad);
    ASSERT_FALSE(result.is_ok()) << bad;
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(result.status().message().find("malformed JSON"), std::string::npos);
  }
}

TEST(OtlpJsonDecode, BadHexIdsRejectRecords) {
  DecodeReport report;
  auto batch = logs(R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[
    {"severityText":"kept","traceId":"","spanId":""},
    {"traceId":"zz8efff798038103d269b633813fc60c"},
    {"spanId":"eee19b7ec3c1b1"},
    {"traceId":"5b8efff798038103d269b633813fc60c00"},
    {"severityText":"kept too","traceId":"5B8EFFF798038103D269B633813FC60C"}]}]}]})",
                    &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->records.size(), 2u);
  EXPECT_EQ(batch->records[0].severity_text, "kept");
  EXPECT_EQ(batch->records[1].severity_text, "kept too");
  EXPECT_EQ(report.rejected, 3u);
  EXPECT_EQ(report.message,
            "resourceLogs[0].scopeLogs[0].logRecords[1].traceId: trace_id must be 32 hex "
            "digits, got \"zz8efff798038103d269b633813fc60c\"");
}

TEST(OtlpJsonDecode, SpansNeedIds) {
  DecodeReport report;
  auto batch = spans(R"({"resourceSpans":[{"scopeSpans":[{"spans":[
    {"name":"no ids"},
    {"traceId":"00000000000000000000000000000000","spanId":"eee19b7ec3c1b174"},
    {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
     "parentSpanId":"abc"},
    {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"ok"}]}]}]})",
                     &report);
  ASSERT_TRUE(batch.is_ok()) << batch.status().to_string();
  ASSERT_EQ(batch->spans.size(), 1u);
  EXPECT_EQ(batch->spans[0].name, "ok");
  EXPECT_EQ(report.rejected, 3u);
  EXPECT_EQ(report.message, "resourceSpans[0].scopeSpans[0].spans[0]: missing trace_id");
}

TEST(OtlpJsonDecode, NestingDepthIsLimited) {
  auto nested = [](int depth) {
    std::string json = R"({"stringValue":"leaf"})";
    for (int i = 1; i < depth; ++i) json = R"({"arrayValue":{"values":[)" + json + "]}}";
    return one_record(R"({"body":)" + json + "}");
  };
  EXPECT_TRUE(logs(nested(32)).is_ok());
  auto deep = logs(nested(33));
  ASSERT_FALSE(deep.is_ok());
  EXPECT_NE(deep.status().message().find("values nested deeper than 32"), std::string::npos);
  EXPECT_FALSE(logs(nested(3000)).is_ok());
}

}  // namespace
}  // namespace weft::otlp
