#include "model/any_value.h"

#include <gtest/gtest.h>

#include "common/json_writer.h"
#include "model/resource.h"

namespace weft {
namespace {

AnyValue nested() {
  return AnyValue(std::vector<KeyValue>{
      {"s", "x"},
      {"n", AnyValue(int64_t{-5})},
      {"d", AnyValue(1.5)},
      {"b", AnyValue(false)},
      {"raw", AnyValue(Bytes{"\x01\x02"})},
      {"list", AnyValue(std::vector<AnyValue>{AnyValue(1), AnyValue("two"), AnyValue()})},
  });
}

TEST(AnyValueTest, TextOfScalarsIsPlain) {
  EXPECT_EQ(any_value_to_text(AnyValue("hello")), "hello");
  EXPECT_EQ(any_value_to_text(AnyValue(int64_t{42})), "42");
  EXPECT_EQ(any_value_to_text(AnyValue(true)), "true");
  EXPECT_EQ(any_value_to_text(AnyValue(Bytes{"hi"})), "aGk=");
  EXPECT_EQ(any_value_to_text(AnyValue()), "");
}

TEST(AnyValueTest, StructuredValuesBecomeJson) {
  EXPECT_EQ(any_value_to_text(nested()),
            R"({"s":"x","n":-5,"d":1.5,"b":false,"raw":"AQI=","list":[1,"two",null]})");
}

TEST(AnyValueTest, FindsFirstAttribute) {
  Attributes attrs{{"a", "1"}, {"a", "2"}};
  ASSERT_NE(find_attribute(attrs, "a"), nullptr);
  EXPECT_EQ(*find_attribute(attrs, "a")->as_string(), "1");
  EXPECT_EQ(find_attribute(attrs, "b"), nullptr);
}

TEST(ResourceTest, ServiceAndEnvironment) {
  Resource r;
  EXPECT_EQ(service_name(r), "unknown_service");
  r.attributes = {{"service.name", "payment"}, {"deployment.environment", "prod"}};
  EXPECT_EQ(service_name(r), "payment");
  EXPECT_EQ(deployment_environment(r), "prod");
  r.attributes.push_back({"deployment.environment.name", "staging"});
  EXPECT_EQ(deployment_environment(r), "staging");
}

}  // namespace
}  // namespace weft
