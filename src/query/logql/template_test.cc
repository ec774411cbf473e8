#include "query/logql/template.h"

#include <gtest/gtest.h>

#include <map>

#include "query/logql/template_funcs.h"

namespace weft::logql {
namespace {

std::string run(std::string_view text, const std::map<std::string, std::string>& labels = {},
                std::string_view line = "the line", int64_t ts = 1704067200123456789) {
  auto t = Template::parse(text, "line");
  if (!t.is_ok()) return "PARSE: " + t.status().message();
  TemplateContext c;
  c.label = [&](std::string_view n) -> std::optional<std::string_view> {
    auto it = labels.find(std::string(n));
    if (it == labels.end()) return std::nullopt;
    return std::string_view(it->second);
  };
  c.all_labels = [&] { return std::vector<std::pair<std::string, std::string>>(labels.begin(), labels.end()); };
  c.line = line;
  c.timestamp = ts;
  std::string out;
  Status s = t->execute(c, out);
  return s.is_ok() ? out : "EXEC: " + s.message();
}

TEST(Template, FieldsPipelinesAndControl) {
  std::map<std::string, std::string> l = {{"a", "x"}, {"n", "42"}, {"empty", ""}};
  EXPECT_EQ(run("{{.a}}-{{.missing}}-{{ .n }}", l), "x--42");
  EXPECT_EQ(run("{{ .a | ToUpper | printf \"[%5s]\" }}", l), "[    X]");
  EXPECT_EQ(run("{{ if .empty }}yes{{ else if eq .a \"x\" }}elif{{ else }}no{{ end }}", l), "elif");
  EXPECT_EQ(run("{{ with .a }}<{{ . }}>{{ end }}{{ with .empty }}never{{ end }}", l), "<x>");
  EXPECT_EQ(run("x {{- \"  \" -}} a {{- \" b\" }}", l), "x  a b");  // trims text, not values
  EXPECT_EQ(run("{{ $v := .n }}{{ add $v 8 }}", l), "50");
  EXPECT_EQ(run("{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}", l), "a=x;empty=;n=42;");
  EXPECT_EQ(run("{{/* a comment */}}ok"), "ok");
  EXPECT_EQ(run("{{ printf \"%d %s %.2f %q %v %x\" 7 \"s\" 1.5 \"q\" true \"hi\" }}"), "7 s 1.50 \"q\" true 6869");
}

TEST(Template, LokiAndSprigFunctions) {
  EXPECT_EQ(run("{{ __line__ }}"), "the line");
  EXPECT_EQ(run("{{ __timestamp__ | date \"2006-01-02T15:04:05.000Z07:00\" }}"), "2024-01-01T00:00:00.123Z");
  EXPECT_EQ(run("{{ __timestamp__ | unixEpochMillis }}"), "1704067200123");
  EXPECT_EQ(run("{{ \"1704067200\" | unixToTime | date \"Jan 2 15:04\" }}"), "Jan 1 00:00");
  EXPECT_EQ(run("{{ default \"d\" .none }}|{{ \"v\" | default \"d\" }}"), "d|v");
  EXPECT_EQ(run("{{ substr 1 3 \"hello\" }} {{ trunc 2 \"hello\" }} {{ trunc -2 \"hello\" }}"), "el he lo");
  EXPECT_EQ(run("{{ regexReplaceAll \"(\\\\w+)@(\\\\w+)\" \"me@host\" \"${2}:$1\" }}"), "host:me");
  EXPECT_EQ(run("{{ regexReplaceAllLiteral \"a+\" \"baaad\" \"$1\" }}"), "b$1d");
  EXPECT_EQ(run("{{ TrimPrefix \"prefix-x\" \"prefix-\" }} {{ TrimSuffix \"x.log\" \".log\" }} {{ Trim \"xxaxx\" \"x\" }}"), "x x a");
  EXPECT_EQ(run("{{ alignLeft 4 \"ab\" }}|{{ alignRight 4 \"ab\" }}|{{ alignLeft 1 \"ab\" }}"), "ab  |  ab|a");
  EXPECT_EQ(run("{{ \"1.5s\" | duration }} {{ \"2KB\" | bytes }}"), "1.5 2000");
  EXPECT_EQ(run("{{ count \"a\" \"banana\" }} {{ repeat 3 \"ab\" }} {{ replace \"a\" \"o\" \"banana\" }}"), "3 ababab bonono");
  EXPECT_EQ(run("{{ addf 1.5 2 }} {{ div 7 2 }} {{ mod 7 2 }} {{ max 1 9 3 }} {{ round 2.345 2 }}"), "3.5 3 1 9 2.35");
  EXPECT_EQ(run("{{ urlencode \"a b&c\" }} {{ urldecode \"a+b%26c\" }} {{ b64enc \"hi\" }} {{ b64dec \"aGk\" }}"), "a+b%26c a b&c aGk= hi");
  EXPECT_EQ(run("{{ and 1 0 }} {{ or 0 \"x\" }} {{ not false }} {{ len \"abc\" }} {{ lt 1 2 }}"), "0 x true 3 true");
}

TEST(Template, ErrorsReadLikeGo) {
  EXPECT_EQ(run("{{ nosuch }}"), "PARSE: template: line:1: function \"nosuch\" not defined");
  EXPECT_EQ(run("{{ .a "), "PARSE: template: line:1: unclosed action");
  EXPECT_EQ(run("{{ if .a }}x"), "PARSE: template: line:1: unexpected EOF");
  EXPECT_EQ(run("{{ end }}"), "PARSE: template: line:1: unexpected {{end}}");
  EXPECT_EQ(run("{{ div 1 0 }}"), "EXEC: template: line:1: error calling div: runtime error: integer divide by zero");
  EXPECT_EQ(run("{{ .a.b }}", {{"a", "x"}}), "EXEC: template: line:1: can't evaluate field b in type string");
}

TEST(Template, SimpleFieldFastPath) {
  auto t = Template::parse("{{.msg}}", "line");
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(t->simple_field(), "msg");
  EXPECT_EQ(Template::parse("{{.msg | ToUpper}}", "line")->simple_field(), "");
}

TEST(Template, Sprintf) {
  EXPECT_EQ(go_sprintf("%-4s|%04d|%+d|%5.1f|%%", {TemplateValue("ab"), TemplateValue(7), TemplateValue(3), TemplateValue(2.25)}),
            "ab  |0007|+3|  2.2|%");
  EXPECT_EQ(go_sprintf("%d", {TemplateValue("x")}), "%!d(string=x)");
  EXPECT_EQ(go_sprintf("%s %s", {TemplateValue("x")}), "x %!s(MISSING)");
}

}  // namespace
}  // namespace weft::logql
