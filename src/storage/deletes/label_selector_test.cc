#include "storage/deletes/label_selector.h"

#include <gtest/gtest.h>

namespace weft::storage {
namespace {

Resource resource(std::vector<std::pair<std::string, std::string>> attrs) {
  Resource r;
  for (auto& [k, v] : attrs) r.attributes.push_back({k, v});
  return r;
}

bool selects(std::string_view selector, const Resource& r, std::string_view line = "") {
  auto s = parse_label_selector(selector);
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  return s.is_ok() && s->matches(&r, line);
}

TEST(LabelSelector, MatchesDottedAttributesByTheirUnderscoreNames) {
  Resource r = resource({{"service.name", "checkout"}, {"env", "prod"}});
  EXPECT_TRUE(selects(R"({service_name="checkout"})", r));
  EXPECT_TRUE(selects(R"({service.name="checkout"})", r));
  EXPECT_FALSE(selects(R"({service_name="cart"})", r));
  EXPECT_TRUE(selects(R"({service_name="checkout", env!="dev"})", r));
  EXPECT_FALSE(selects(R"({service_name="checkout", env="dev"})", r));
}

TEST(LabelSelector, RegexesAreAnchoredAndMissingLabelsAreEmpty) {
  Resource r = resource({{"service.name", "checkout"}});
  EXPECT_TRUE(selects(R"({service_name=~"check.*"})", r));
  EXPECT_FALSE(selects(R"({service_name=~"check"})", r));
  EXPECT_TRUE(selects(R"({service_name!~"cart|web"})", r));
  EXPECT_TRUE(selects(R"({missing=""})", r));
  EXPECT_FALSE(selects(R"({missing="x"})", r));
}

TEST(LabelSelector, LineFilterAndStringForms) {
  Resource r = resource({{"app", "a\"b"}});
  EXPECT_TRUE(selects(R"({app="a\"b"} |= "secret")", r, "the secret token"));
  EXPECT_FALSE(selects(R"({app="a\"b"} |= "secret")", r, "nothing here"));
  EXPECT_TRUE(selects("{app=`a\"b`}", r));
}

TEST(LabelSelector, BadSelectorsSayWhere) {
  for (std::string_view bad : {"", "{}", "service_name=\"x\"", "{service_name}", "{a=\"x\"",
                               "{a=~\"(\"}", "{a=\"x\"} |= x", "{a=\"x\"} extra", "{1a=\"x\"}"}) {
    auto s = parse_label_selector(bad);
    ASSERT_FALSE(s.is_ok()) << bad;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.status().message().find("selector at position"), std::string::npos) << s.status().message();
  }
}

}  // namespace
}  // namespace weft::storage
