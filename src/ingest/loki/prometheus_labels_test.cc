#include "ingest/loki/prometheus_labels.h"

#include <gtest/gtest.h>

namespace weft::ingest::loki {
namespace {

Labels parse_ok(std::string_view text) {
  auto labels = parse_prometheus_labels(text);
  EXPECT_TRUE(labels.is_ok()) << text << ": " << labels.status().message();
  return labels.is_ok() ? *labels : Labels{};
}

std::string parse_error(std::string_view text) {
  auto labels = parse_prometheus_labels(text);
  EXPECT_FALSE(labels.is_ok()) << text << " parsed";
  return labels.is_ok() ? "" : labels.status().message();
}

TEST(PrometheusLabels, WhatClientsSend) {
  EXPECT_EQ(parse_ok(R"({level="info",app="wire-probe"})"),
            (Labels{{"level", "info"}, {"app", "wire-probe"}}));
  EXPECT_EQ(parse_ok(R"({service_name="checkout", level="info"})"),
            (Labels{{"service_name", "checkout"}, {"level", "info"}}));
}

TEST(PrometheusLabels, BlanksCommasAndComments) {
  EXPECT_EQ(parse_ok(" \t{ a = \"1\" ,\n b=\"2\", } \r\n"), (Labels{{"a", "1"}, {"b", "2"}}));
  EXPECT_EQ(parse_ok("{a=\"1\"} # a comment\n"), (Labels{{"a", "1"}}));
  EXPECT_EQ(parse_ok("{}"), Labels{});
  EXPECT_EQ(parse_ok(""), Labels{});
  EXPECT_EQ(parse_ok("   "), Labels{});
}

TEST(PrometheusLabels, MetricNameBecomesNameLabel) {
  EXPECT_EQ(parse_ok(R"(http_requests:total{job="api"})"),
            (Labels{{"__name__", "http_requests:total"}, {"job", "api"}}));
  EXPECT_EQ(parse_ok("up"), (Labels{{"__name__", "up"}}));
}

TEST(PrometheusLabels, Escapes) {
  EXPECT_EQ(parse_ok(R"({a="d\"e", b="x\\y", c="l1\nl2\tt"})"),
            (Labels{{"a", "d\"e"}, {"b", "x\\y"}, {"c", "l1\nl2\tt"}}));
  EXPECT_EQ(parse_ok(R"({a="\a\b\f\r\v"})"), (Labels{{"a", "\a\b\f\r\v"}}));
  EXPECT_EQ(parse_ok(R"({a="\x41\101\u00e9\U0001F600"})"),
            (Labels{{"a", "AA\xC3\xA9\xF0\x9F\x98\x80"}}));
  EXPECT_EQ(parse_ok(R"({a='it\'s', b='say "hi"'})"),
            (Labels{{"a", "it's"}, {"b", "say \"hi\""}}));
  EXPECT_EQ(parse_ok("{a=`raw \\n \"text\"\nline`}"), (Labels{{"a", "raw \\n \"text\"\nline"}}));
  EXPECT_EQ(parse_ok("{a=\"caf\xC3\xA9\"}"), (Labels{{"a", "caf\xC3\xA9"}}));
}

TEST(PrometheusLabels, QuotedNames) {
  EXPECT_EQ(parse_ok(R"({"service.name"="api", 'k8s.pod'="p"})"),
            (Labels{{"service.name", "api"}, {"k8s.pod", "p"}}));
}

TEST(PrometheusLabels, KeepsDuplicatesAndEmptyValues) {
  EXPECT_EQ(parse_ok(R"({a="1", a="", b=""})"), (Labels{{"a", "1"}, {"a", ""}, {"b", ""}}));
}

TEST(PrometheusLabels, SyntaxErrorsNameThePlace) {
  EXPECT_EQ(parse_error(R"({a!="b"})"), R"(1:3: parse error: unexpected "!=" in label set, expected "=")");
  EXPECT_EQ(parse_error(R"({a=~"b"})"), R"(1:3: parse error: unexpected "=~" in label set, expected "=")");
  EXPECT_EQ(parse_error(R"({a="b")"),
            R"(1:7: parse error: unexpected end of input in label set, expected "," or "}")");
  EXPECT_EQ(parse_error(R"({a="b)"), "1:6: parse error: unterminated quoted string");
  EXPECT_EQ(parse_error("{a=\"b\nc\"}"), "1:6: parse error: unterminated quoted string");
  EXPECT_EQ(parse_error("{a=`b}"), "1:5: parse error: unterminated raw string");
  EXPECT_EQ(parse_error(R"({a=b})"),
            R"(1:4: parse error: unexpected identifier "b" in label set, expected string)");
  EXPECT_EQ(parse_error(R"({1a="b"})"),
            R"(1:2: parse error: unexpected number in label set, expected identifier or "}")");
  EXPECT_EQ(parse_error(R"({a.b="c"})"),
            R"(1:3: parse error: unexpected character '.' in label set, expected "=")");
  EXPECT_EQ(parse_error(R"({a="b" c="d"})"),
            R"(1:8: parse error: unexpected identifier "c" in label set, expected "," or "}")");
  EXPECT_EQ(parse_error(R"({a="b"} x)"),
            R"(1:9: parse error: unexpected identifier "x", expected end of input)");
  EXPECT_EQ(parse_error(R"(["a"])"), R"(1:1: parse error: unexpected character '[', expected "{")");
  EXPECT_EQ(parse_error(R"({,})"),
            R"(1:2: parse error: unexpected "," in label set, expected identifier or "}")");
  EXPECT_EQ(parse_error(R"({""="x"})"), "1:2: parse error: empty label name");
  EXPECT_EQ(parse_error("{\n a=\"b\",\n c=\"d\" !}"),
            R"(3:8: parse error: unexpected character '!' in label set, expected "," or "}")");
}

TEST(PrometheusLabels, BadEscapesAndEncoding) {
  EXPECT_EQ(parse_error(R"({a="\q"})"), "1:5: parse error: unknown escape sequence '\\q'");
  EXPECT_EQ(parse_error(R"({a="\'"})"), "1:5: parse error: unknown escape sequence '\\''");
  EXPECT_EQ(parse_error(R"({a="\xZZ"})"), "1:5: parse error: invalid hexadecimal escape");
  EXPECT_EQ(parse_error(R"({a="\400"})"), "1:5: parse error: octal escape value > 255");
  EXPECT_EQ(parse_error(R"({a="\18"})"), "1:5: parse error: invalid octal escape");
  EXPECT_EQ(parse_error(R"({a="\uD800"})"),
            "1:5: parse error: escape sequence is an invalid Unicode code point");
  EXPECT_EQ(parse_error(R"({a="\xff"})"), "1:4: parse error: invalid UTF-8 in string");
  EXPECT_EQ(parse_error("{a=\"\xC3\"}"), "1:4: parse error: invalid UTF-8 in string");
  EXPECT_EQ(parse_error("{a=\"b\\"), "1:7: parse error: unterminated quoted string");
  EXPECT_EQ(parse_error(std::string("{a\0=\"b\"}", 8)),
            R"(1:3: parse error: unexpected byte 0x00 in label set, expected "=")");
}

TEST(PrometheusLabels, LegacyNames) {
  EXPECT_TRUE(is_legacy_label_name("service_name"));
  EXPECT_TRUE(is_legacy_label_name("_a1"));
  EXPECT_FALSE(is_legacy_label_name(""));
  EXPECT_FALSE(is_legacy_label_name("1a"));
  EXPECT_FALSE(is_legacy_label_name("a.b"));
  EXPECT_FALSE(is_legacy_label_name("a:b"));
}

TEST(PrometheusLabels, FormatsAsPrometheusPrintsThem) {
  EXPECT_EQ(format_labels({}), "{}");
  EXPECT_EQ(format_labels({{"app", "api"}, {"level", "info"}}), R"({app="api", level="info"})");
  EXPECT_EQ(format_labels({{"a", "q\"b\\s\n\t\x01\x7f caf\xC3\xA9 \xff"}}),
            "{a=\"q\\\"b\\\\s\\n\\t\\x01\\x7f caf\xC3\xA9 \\xff\"}");
  EXPECT_EQ(format_labels({{"service.name", "x"}}), R"({"service.name"="x"})");
}

TEST(PrometheusLabels, FormatThenParseGivesTheLabelsBack) {
  Labels labels{{"a", "q\"b\\s\n\t\x01 caf\xC3\xA9"}, {"service.name", "x"}, {"e", ""}};
  EXPECT_EQ(parse_ok(format_labels(labels)), labels);
}

}  // namespace
}  // namespace weft::ingest::loki
