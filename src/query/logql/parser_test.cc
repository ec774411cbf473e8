#include "query/logql/parser.h"

#include <gtest/gtest.h>

#include "query/logql/printer.h"

namespace weft::logql {
namespace {

std::string canonical(std::string_view q) {
  auto parsed = parse_query(q);
  if (!parsed.is_ok()) return "ERROR: " + parsed.status().message();
  return print_query(*parsed);
}

struct Case {
  const char* query;
  const char* printed;
};

TEST(Parser, PrintsCanonicalForms) {
  const Case cases[] = {
      {R"q({foo="bar"})q", R"q({foo="bar"})q"},
      {R"q({ foo = "bar" , baz=~"a.*",x!="y",z!~`q`})q", R"q({foo="bar", baz=~"a.*", x!="y", z!~"q"})q"},
      {R"q({app="x"} |= "err" != "debug" |~ "a|b" !~ "c" |> "<_> x" !> "y")q",
       R"q({app="x"} |= "err" != "debug" |~ "a|b" !~ "c" |> "<_> x" !> "y")q"},
      {R"q({app="x"} |= "a" or "b" or ip("10.0.0.0/8"))q", R"q({app="x"} |= "a" or "b" or ip("10.0.0.0/8"))q"},
      {R"q({app="x"} | json | logfmt --strict --keep-empty | unpack)q",
       R"q({app="x"} | json | logfmt --strict --keep-empty | unpack)q"},
      {R"q({app="x"} | json a="b.c", d | logfmt --strict x)q",
       R"q({app="x"} | json a="b.c",d="d" | logfmt --strict x="x")q"},
      {R"q({app="x"} | regexp "(?P<a>\\w+)" | pattern "<ip> - <_>")q",
       R"q({app="x"} | regexp "(?P<a>\\w+)" | pattern "<ip> - <_>")q"},
      {R"q({app="x"} | level="error" or level="warn" and status >= 500)q",
       R"q({app="x"} | ( level="error" or ( level="warn" , status>=500 ) ))q"},
      {R"q({app="x"} | duration > 1.5s, size <= 10KB | latency != -3)q",
       R"q({app="x"} | ( duration>1.5s , size<=10kB ) | latency!=-3)q"},
      {R"q({app="x"} | addr = ip("192.168.0.0/16") | (a="1" or b="2") c="3")q",
       R"q({app="x"} | addr=ip("192.168.0.0/16") | ( ( a="1" or b="2" ) , c="3" ))q"},
      {R"q({app="x"} | line_format "{{.msg}}" | label_format a=b, c="{{.d}}" | decolorize)q",
       R"q({app="x"} | line_format "{{.msg}}" | label_format a=b,c="{{.d}}" | decolorize)q"},
      {R"q({app="x"} | drop a, b="c" | keep d,e=~"f.*")q", R"q({app="x"} | drop a,b="c" | keep d,e=~"f.*")q"},
      {R"q(rate({app="x"}[5m]))q", R"q(rate({app="x"}[5m]))q"},
      {R"q(count_over_time({app="x"} |= "e" [1h30m] offset 5m))q", R"q(count_over_time({app="x"} |= "e"[1h30m] offset 5m0s))q"},
      {R"q(sum by (level) (rate({app="x"}[1m])))q", R"q(sum by (level)(rate({app="x"}[1m])))q"},
      {R"q(sum(rate({app="x"}[1m])) without (a, b))q", R"q(sum without (a,b)(rate({app="x"}[1m])))q"},
      {R"q(topk(3, sum by (a) (count_over_time({app="x"}[5m]))))q", R"q(topk(3,sum by (a)(count_over_time({app="x"}[5m]))))q"},
      {R"q(quantile_over_time(0.99, {app="x"} | json | unwrap duration(latency) | __error__="" [5m]) by (path))q",
       R"q(quantile_over_time(0.99,{app="x"} | json | unwrap duration(latency) | __error__=""[5m]) by (path))q"},
      {R"q(sum_over_time({app="x"} [5m] | logfmt | unwrap bytes))q", R"q(sum_over_time({app="x"} | logfmt | unwrap bytes[5m]))q"},
      {R"q(rate(({app="x"} |= "a")[5m]))q", R"q(rate({app="x"} |= "a"[5m]))q"},
      {R"q(sum(rate({a="b"}[5m])) / sum(rate({a="c"}[5m])) * 100)q",
       R"q(((sum(rate({a="b"}[5m])) / sum(rate({a="c"}[5m]))) * 100))q"},
      {R"q(1 + 2 * 3)q", R"q(7)q"},
      {R"q(2 ^ 3 ^ 2)q", R"q(512)q"},
      {R"q(1 / 0)q", R"q((1 / 0))q"},
      {R"q(vector(1)+vector(1))q", R"q((vector(1.000000) + vector(1.000000)))q"},
      {R"q(rate({a="b"}[5m]) > bool 1)q", R"q((rate({a="b"}[5m]) > bool 1))q"},
      {R"q(rate({a="b"}[5m]) / on (x) group_left (y) rate({a="c"}[5m]))q",
       R"q((rate({a="b"}[5m]) / on (x) group_left (y) rate({a="c"}[5m])))q"},
      {R"q(label_replace(rate({a="b"}[5m]), "dst", "$1", "src", "(.*)"))q",
       R"q(label_replace(rate({a="b"}[5m]),"dst","$1","src","(.*)"))q"},
      {R"q(sort_desc(sum by (a) (rate({a="b"}[5m]))))q", R"q(sort_desc(sum by (a)(rate({a="b"}[5m]))))q"},
      {"{a=\"b\"} # a comment\n |= \"x\"", R"q({a="b"} |= "x")q"},
      {R"q(SUM BY (a) (RATE({a="b"}[5m])))q", R"q(sum by (a)(rate({a="b"}[5m])))q"},
      {R"q({rate="x", sum="y"})q", R"q({rate="x", sum="y"})q"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(canonical(c.query), c.printed) << c.query;
    // Printing is a fixed point: the printed text parses back to itself.
    if (canonical(c.query).rfind("ERROR", 0) != 0) {
      EXPECT_EQ(canonical(c.printed), c.printed) << c.printed;
    }
  }
}

TEST(Parser, ErrorsNamePositionAndExpectation) {
  const Case cases[] = {
      {R"q({foo="bar")q", "parse error at line 1, col 11: syntax error: unexpected $end, expecting } or ,"},
      {R"q({foo=bar})q", "parse error at line 1, col 6: syntax error: unexpected IDENTIFIER, expecting STRING"},
      {R"q({foo="bar"} |= )q", "parse error at line 1, col 16: syntax error: unexpected $end, expecting STRING or ip"},
      {R"q({foo="bar"} | )q", "parse error at line 1, col 15: syntax error: unexpected $end"},
      {"{foo=\"bar\"}\n  | json |", "parse error at line 2, col 11: syntax error: unexpected $end"},
      {R"q(rate({foo="bar"}))q", "parse error at line 1, col 17: syntax error: unexpected ), expecting RANGE"},
      {R"q({foo="bar)q", "parse error at line 1, col 6: literal not terminated"},
      {R"q(rate({a="b"}[5x]))q", "parse error at line 1, col 13: not a valid duration string: \"5x\""},
      {R"q({foo=~".*"})q", "parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will"},
      {R"q({})q", "parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will"},
      {R"q(sum_over_time({a="b"}[5m]))q", "parse error : invalid aggregation sum_over_time without unwrap"},
      {R"q(count_over_time({a="b"} | unwrap x [5m]))q", "parse error : invalid aggregation count_over_time with unwrap"},
      {R"q(rate({a="b"}[5m]) by (x))q", "parse error : grouping not allowed for rate aggregation"},
      {R"q(quantile_over_time({a="b"} | unwrap x [5m]))q", "parse error : parameter required for operation quantile_over_time"},
      {R"q(topk(sum(rate({a="b"}[5m]))))q", "parse error : parameter required for operation topk"},
      {R"q(topk(0, rate({a="b"}[5m])))q", "parse error : invalid parameter (must be greater than 0) topk(0"},
      {R"q({a="b"} + 1)q", "parse error : unexpected type for left leg of binary operation (+): log selector"},
      {R"q({a=~"("})q", "parse error : error parsing regexp: missing ): (: `(`"},
  };
  for (const auto& c : cases) EXPECT_EQ(canonical(c.query), std::string("ERROR: ") + c.printed) << c.query;
}

TEST(Parser, StreamSelector) {
  auto m = parse_stream_selector(R"q({app="x", env!="dev"})q", true);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[1].name, "env");
  EXPECT_FALSE(parse_stream_selector(R"q({app="x"} |= "y")q", true).is_ok());
  EXPECT_TRUE(parse_stream_selector(R"q({})q", false).is_ok());
}

}  // namespace
}  // namespace weft::logql
