#include "query/traceql/traceql_evaluator.h"

#include <gtest/gtest.h>

#include "query/traceql/traceql_parser.h"
#include "query/traceql/traceql_search.h"
#include "query/traceql/traceql_test_traces.h"

namespace weft::query::traceql {
namespace {

using testing::kBase;
using testing::kMs;

SearchOptions all_time() {
  SearchOptions o;
  o.start = kBase - 1;
  o.end = kBase + 3'600'000 * kMs;
  o.limit = 100;
  return o;
}

Result<SearchResult> run(std::string_view text, SearchOptions o = all_time()) {
  auto q = parse_traceql(text);
  EXPECT_TRUE(q.is_ok()) << text << ": " << q.status().message();
  if (!q.is_ok()) return q.status();
  VectorSpanSource source(testing::fixed_spans());
  return search_traces(*q, o, source);
}

// "trace:span,span trace:span" of the first spanset of each match, newest trace first.
std::string matches(std::string_view text) {
  auto r = run(text);
  if (!r.is_ok()) return "error: " + r.status().message();
  std::string out;
  for (const TraceMatch& t : r->traces) {
    if (!out.empty()) out += " ";
    out += std::to_string(t.trace_id.bytes[15]) + ":";
    std::string spans;
    for (const SpansetMatch& set : t.spansets) {
      for (const SpanMatch& s : set.spans) {
        if (!spans.empty()) spans += ",";
        spans += s.name;
      }
    }
    out += spans;
  }
  return out;
}

TEST(traceql_engine, EmptyFilterMatchesEveryTrace) {
  EXPECT_EQ(matches("{}"), "2:POST /orders,publish 1:GET /api,db query,call backend");
}

TEST(traceql_engine, ComparesIntrinsics) {
  EXPECT_EQ(matches("{ name = \"handle\" }"), "1:handle");
  EXPECT_EQ(matches("{ status = error }"), "1:db query");
  EXPECT_EQ(matches("{ status = ok }"), "2:POST /orders");
  EXPECT_EQ(matches("{ status = unset && kind = producer }"), "2:publish");
  EXPECT_EQ(matches("{ statusMessage = \"timeout\" }"), "1:db query");
  EXPECT_EQ(matches("{ kind = client }"), "1:db query,call backend");
  EXPECT_EQ(matches("{ duration > 1s }"), "2:POST /orders");
  EXPECT_EQ(matches("{ duration >= 40ms && duration <= 50ms }"), "1:call backend,handle");
  EXPECT_EQ(matches("{ trace:duration > 1s && name = \"publish\" }"), "2:publish");
  EXPECT_EQ(matches("{ trace:rootService = \"frontend\" && resource.service.name = \"backend\" }"),
            "1:handle");
  EXPECT_EQ(matches("{ trace:rootName = \"POST /orders\" && kind = producer }"), "2:publish");
  EXPECT_EQ(matches("{ event:name = \"retry\" }"), "1:handle");
  EXPECT_EQ(matches("{ trace:id = \"00000000000000000000000000000002\" && kind = server }"),
            "2:POST /orders");
  EXPECT_EQ(matches("{ span:id = \"0000000000000004\" }"), "1:handle");
}

TEST(traceql_engine, ComparesAttributes) {
  EXPECT_EQ(matches("{ span.http.method = \"GET\" }"), "1:GET /api");
  EXPECT_EQ(matches("{ span.http.method != \"GET\" }"), "2:POST /orders");
  EXPECT_EQ(matches("{ span.http.status_code >= 200 && span.http.status_code < 300 }"),
            "1:GET /api");
  EXPECT_EQ(matches("{ span.http.status_code = \"200\" }"), "");  // types differ
  EXPECT_EQ(matches("{ resource.env = \"prod\" }"), "1:handle");
  EXPECT_EQ(matches("{ span.env = \"prod\" }"), "");
  EXPECT_EQ(matches("{ .env = \"prod\" }"), "1:handle");
  EXPECT_EQ(matches("{ .service.name = \"orders\" && .ratio > 0.25 }"), "2:publish");
  EXPECT_EQ(matches("{ span.ratio = 0.5 }"), "2:publish");
  EXPECT_EQ(matches("{ span.cache.hit = true }"), "2:publish");
  EXPECT_EQ(matches("{ span.cache.hit }"), "2:publish");
  EXPECT_EQ(matches("{ span.db.system != nil }"), "1:db query");
  EXPECT_EQ(matches("{ span.http.method = nil && kind = server }"), "1:handle");
  EXPECT_EQ(matches("{ !(kind = client) && resource.service.name = \"frontend\" }"), "1:GET /api");
}

TEST(traceql_engine, MatchesRegexesFullyAnchored) {
  EXPECT_EQ(matches("{ name =~ \"GET.*\" }"), "1:GET /api");
  EXPECT_EQ(matches("{ name =~ \"GET\" }"), "");
  EXPECT_EQ(matches("{ resource.service.name !~ \"front.*|orders\" }"), "1:handle");
  EXPECT_EQ(matches("{ span.http.status_code =~ \"2.*\" }"), "");  // not a string
}

TEST(traceql_engine, CombinesSpansets) {
  EXPECT_EQ(matches("{ status = error } && { resource.service.name = \"backend\" }"),
            "1:db query,handle");
  EXPECT_EQ(matches("{ status = error } && { name = \"publish\" }"), "");
  EXPECT_EQ(matches("{ status = error } || { name = \"publish\" }"), "2:publish 1:db query");
}

TEST(traceql_engine, EvaluatesStructuralOperators) {
  EXPECT_EQ(matches("{ name = \"GET /api\" } > { }"), "1:db query,call backend");
  EXPECT_EQ(matches("{ name = \"GET /api\" } >> { kind = server }"), "1:handle");
  EXPECT_EQ(matches("{ name = \"handle\" } < { }"), "1:call backend");
  EXPECT_EQ(matches("{ name = \"handle\" } << { }"), "1:GET /api,call backend");
  EXPECT_EQ(matches("{ name = \"db query\" } ~ { }"), "1:call backend");
  EXPECT_EQ(matches("{ name = \"GET /api\" } !> { resource.service.name = \"frontend\" }"),
            "1:GET /api");
  EXPECT_EQ(matches("{ name = \"GET /api\" } !>> { trace:rootService = \"frontend\" }"),
            "1:GET /api");
  EXPECT_EQ(matches("{ name = \"handle\" } !< { kind = client }"), "1:db query");
  EXPECT_EQ(matches("{ name = \"handle\" } !<< { trace:rootService = \"frontend\" }"),
            "1:db query,handle");
  EXPECT_EQ(matches("{ name = \"db query\" } !~ { kind = client }"), "1:db query");
  EXPECT_EQ(matches("{ kind = server } > { kind = producer }"), "2:publish");
}

TEST(traceql_engine, RunsPipelines) {
  EXPECT_EQ(matches("{ } | count() > 3"), "1:GET /api,db query,call backend");
  EXPECT_EQ(matches("{ } | count() = 2"), "2:POST /orders,publish");
  EXPECT_EQ(matches("{ } | avg(duration) > 500ms"), "2:POST /orders,publish");
  EXPECT_EQ(matches("{ } | max(duration) < 1s"), "1:GET /api,db query,call backend");
  EXPECT_EQ(matches("{ } | min(duration) = 5ms"), "2:POST /orders,publish");
  EXPECT_EQ(matches("{ } | sum(duration) = 220ms"), "1:GET /api,db query,call backend");
  EXPECT_EQ(matches("{ } | sum(span.ratio) = 0.5"), "2:POST /orders,publish");
  EXPECT_EQ(matches("{ kind = client } | count() > 1 | { status = error }"), "1:db query");
  EXPECT_EQ(matches("({ kind = client } | count() > 1) && { kind = server }"),
            "1:GET /api,db query,call backend");
}

TEST(traceql_engine, GroupsAndSelects) {
  auto r = run("{ trace:rootService = \"frontend\" } | by(resource.service.name) | count() > 0");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  ASSERT_EQ(r->traces.size(), 1u);
  const auto& sets = r->traces[0].spansets;
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].matched, 3u);
  ASSERT_EQ(sets[0].labels.size(), 1u);
  EXPECT_EQ(sets[0].labels[0].first, "by(resource.service.name)");
  EXPECT_EQ(sets[0].labels[0].second.text, "frontend");
  EXPECT_EQ(sets[1].labels[0].second.text, "backend");

  r = run("{ name = \"db query\" } | select(span.db.system, status)");
  ASSERT_TRUE(r.is_ok());
  const auto& attrs = r->traces[0].spansets[0].spans[0].attributes;
  ASSERT_EQ(attrs.size(), 2u);
  EXPECT_EQ(attrs[0].first, "db.system");
  EXPECT_EQ(attrs[0].second.text, "postgres");
  EXPECT_EQ(attrs[1].first, "status");
  EXPECT_EQ(attrs[1].second.text, "error");

  EXPECT_EQ(matches("{ } | by(kind) | coalesce() | count() = 4"),
            "1:GET /api,db query,call backend");
}

TEST(traceql_engine, RespectsLimitSpssDurationsAndRange) {
  SearchOptions o = all_time();
  o.limit = 1;
  o.spans_per_spanset = 1;
  auto r = run("{}", o);
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->traces.size(), 1u);
  EXPECT_EQ(r->traces[0].trace_id.bytes[15], 2);
  EXPECT_EQ(r->traces[0].spansets[0].spans.size(), 1u);
  EXPECT_EQ(r->traces[0].spansets[0].matched, 2u);
  EXPECT_EQ(r->traces[0].root_service, "orders");
  EXPECT_EQ(r->traces[0].root_name, "POST /orders");
  EXPECT_EQ(r->traces[0].duration, 2000 * kMs);

  o = all_time();
  o.min_duration = 150 * kMs;
  r = run("{}", o);
  ASSERT_EQ(r->traces.size(), 1u);
  EXPECT_EQ(r->traces[0].trace_id.bytes[15], 2);

  // Only "handle" starts in range, yet the root and duration are those of the whole trace.
  o = all_time();
  o.start = kBase + 45 * kMs;
  o.end = kBase + 46 * kMs;
  r = run("{}", o);
  ASSERT_EQ(r->traces.size(), 1u);
  EXPECT_EQ(r->traces[0].root_name, "GET /api");
  EXPECT_EQ(r->traces[0].duration, 100 * kMs);
  EXPECT_EQ(r->traces[0].spansets[0].matched, 1u);
}

TEST(traceql_engine, RefusesTooManySpans) {
  SearchOptions o = all_time();
  o.limits.max_spans = 3;
  auto r = run("{}", o);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("more than 3 spans"), std::string::npos);
}

}  // namespace
}  // namespace weft::query::traceql
