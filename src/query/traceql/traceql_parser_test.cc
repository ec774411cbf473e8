#include "query/traceql/traceql_parser.h"

#include <gtest/gtest.h>

#include "query/traceql/traceql_printer.h"

namespace weft::query::traceql {
namespace {

std::string canonical(std::string_view text) {
  auto q = parse_traceql(text);
  EXPECT_TRUE(q.is_ok()) << text << ": " << q.status().message();
  if (!q.is_ok()) return "";
  std::string printed = print_query(*q);
  auto again = parse_traceql(printed);
  EXPECT_TRUE(again.is_ok()) << printed << ": " << again.status().message();
  if (again.is_ok()) {
    EXPECT_EQ(print_query(*again), printed);
  }
  return printed;
}

std::string error_of(std::string_view text) {
  auto q = parse_traceql(text);
  EXPECT_FALSE(q.is_ok()) << text;
  return q.is_ok() ? "" : q.status().message();
}

TEST(traceql_parser, PrintsCanonicalText) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"{}", "{ }"},
      {"{ span.http.method = \"GET\" }", "{ span.http.method = \"GET\" }"},
      {"{resource.service.name=\"api\"&&duration>100ms}",
       "{ resource.service.name = \"api\" && duration > 100ms }"},
      {"{ .foo != nil }", "{ .foo != nil }"},
      {"{ span.\"foo bar\" = 1 }", "{ span.\"foo bar\" = 1 }"},
      {"{ status = error || kind = server }", "{ status = error || kind = server }"},
      {"{ duration >= 1.5s }", "{ duration >= 1500ms }"},
      {"{ span.ratio < -0.25 }", "{ span.ratio < -0.25 }"},
      {"{ name =~ \"GET.*\" && name !~ \"x\" }", "{ name =~ \"GET.*\" && name !~ \"x\" }"},
      {"{ 200 <= span.http.status_code }", "{ span.http.status_code >= 200 }"},
      {"{ span.cache.hit }", "{ span.cache.hit }"},
      {"{ !(status = ok) }", "{ !status = ok }"},
      {"{ !(.a = 1 && .b = 2) }", "{ !(.a = 1 && .b = 2) }"},
      {"{ span:name = \"a\" && rootServiceName = \"b\" }",
       "{ name = \"a\" && trace:rootService = \"b\" }"},
      {"{ } > { }", "{ } > { }"},
      {"{ } >> { } << { }", "{ } >> { } << { }"},
      {"{ } !> ({ } ~ { })", "{ } !> ({ } ~ { })"},
      {"{ } !~ { } && { } !<< { }", "{ } !~ { } && ({ } !<< { })"},
      {"{ } && { } || { }", "{ } && { } || { }"},
      {"{ } || ({ } && { })", "{ } || ({ } && { })"},
      {"{ .a = 1 || .b = 2 && .c = 3 }", "{ .a = 1 || (.b = 2 && .c = 3) }"},
      {"{ } | count() > 2", "{ } | count() > 2"},
      {"{ } | avg(duration) > 1s | by(resource.service.name) | select(span.http.method, status)",
       "{ } | avg(duration) > 1s | by(resource.service.name) | select(span.http.method, status)"},
      {"({ } | count() > 1) && { }", "({ } | count() > 1) && { }"},
      {"{ } | coalesce()", "{ } | coalesce()"},
      {"{ } | rate()", "{ } | rate()"},
      {"{ status = error } | count_over_time() by (resource.service.name)",
       "{ status = error } | count_over_time() by(resource.service.name)"},
      {"{ } | quantile_over_time(duration, .5, 0.9, 1)", ""},
  };
  for (const auto& [in, want] : cases) {
    if (want.empty()) continue;
    EXPECT_EQ(canonical(in), want) << in;
  }
}

TEST(traceql_parser, ParsesQuantiles) {
  auto q = parse_traceql("{ } | quantile_over_time(duration, 0.5, 0.99)");
  ASSERT_TRUE(q.is_ok()) << q.status().message();
  ASSERT_TRUE(q->metrics.has_value());
  EXPECT_EQ(q->metrics->quantiles, (std::vector<double>{0.5, 0.99}));
  EXPECT_EQ(canonical("{ } | quantile_over_time(duration, 0.5, 0.99)"),
            "{ } | quantile_over_time(duration, 0.5, 0.99)");
}

TEST(traceql_parser, ErrorsNamePositionAndExpectation) {
  EXPECT_EQ(error_of("{ span.foo = }"),
            "parse error at line 1, col 14: syntax error: unexpected '}', expecting a value");
  EXPECT_EQ(error_of("{ .a = 1"),
            "parse error at line 1, col 9: syntax error: unexpected end of query, expecting '}'");
  EXPECT_EQ(error_of("{ foo = 1 }"),
            "parse error at line 1, col 3: syntax error: unexpected 'foo', expecting an "
            "attribute, an intrinsic or '('");
  EXPECT_EQ(error_of("{ }\n| bogus()"),
            "parse error at line 2, col 3: syntax error: unexpected 'bogus', expecting a spanset "
            "filter, count, avg, min, max, sum, by, select or coalesce");
  EXPECT_EQ(error_of("{ name = \"x }"), "parse error at line 1, col 10: syntax error: "
                                         "unterminated string");
  EXPECT_EQ(error_of("{ name =~ \"(\" }").rfind("parse error at line 1, col 11: invalid regular "
                                               "expression", 0),
            0u);
  EXPECT_EQ(error_of("{ name =~ 3 }"),
            "parse error at line 1, col 11: a regular expression must be a string");
  EXPECT_EQ(error_of("{ duration > 3parsecs }"),
            "parse error at line 1, col 14: syntax error: bad duration \"3parsecs\"");
  EXPECT_EQ(error_of("{ } | quantile_over_time(duration, 2)"),
            "parse error at line 1, col 36: a quantile is between 0 and 1");
  EXPECT_EQ(error_of("{ event.x = 1 }"),
            "parse error at line 1, col 3: attributes of scope 'event' are not supported");
  EXPECT_EQ(error_of("{ } { }"),
            "parse error at line 1, col 5: syntax error: unexpected '{', expecting '|', '&&', "
            "'||' or end of query");
  EXPECT_EQ(error_of("{ # }"), "parse error at line 1, col 3: syntax error: unexpected "
                               "character '#'");
}

TEST(traceql_parser, RefusesDeepNesting) {
  std::string deep(200, '(');
  deep += "{ }";
  deep += std::string(200, ')');
  EXPECT_NE(error_of(deep).find("nests too deeply"), std::string::npos);
}

TEST(traceql_parser, RefusesTooManyOperators) {
  std::string chain = "{ .a = 1";
  for (int i = 0; i < kMaxOperators; ++i) chain += " && .a = 1";
  EXPECT_TRUE(parse_traceql(chain + " }").is_ok());
  EXPECT_NE(error_of(chain + " && .b = 2 }").find("more than 1000 operators"), std::string::npos);
}

TEST(traceql_parser, ParsesTagNames) {
  auto a = parse_tag_name("resource.service.name");
  ASSERT_TRUE(a.is_ok());
  EXPECT_EQ(a->scope, AttrScope::kResource);
  EXPECT_EQ(a->name, "service.name");
  auto b = parse_tag_name("service.name");
  ASSERT_TRUE(b.is_ok());
  EXPECT_EQ(b->scope, AttrScope::kUnscoped);
  EXPECT_EQ(b->name, "service.name");
  auto c = parse_tag_name("status");
  ASSERT_TRUE(c.is_ok());
  EXPECT_EQ(c->intrinsic, Intrinsic::kStatus);
}

}  // namespace
}  // namespace weft::query::traceql
