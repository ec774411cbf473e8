#include "common/json_writer.h"

#include <gtest/gtest.h>

namespace weft {
namespace {

TEST(JsonWriterTest, NestsContainersWithCommas) {
  JsonWriter w;
  w.begin_object();
  w.key("a");
  w.value(1);
  w.key("b");
  w.begin_array();
  w.value("x");
  w.value(true);
  w.null();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.key("c");
  w.value(0.5);
  w.end_object();
  EXPECT_EQ(w.str(), R"({"a":1,"b":["x",true,null,{}],"c":0.5})");
}

TEST(JsonWriterTest, EscapesControlAndQuotes) {
  std::string out;
  append_json_string(out, "a\"b\\c\n\t\x01");
  EXPECT_EQ(out, R"("a\"b\\c\n\t\u0001")");
}

TEST(JsonWriterTest, KeepsValidUtf8AndReplacesInvalid) {
  std::string out;
  append_json_string(out, "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(out, "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  out.clear();
  append_json_string(out, "bad\xFF\xC3");
  EXPECT_EQ(out, "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"");
  out.clear();
  append_json_string(out, "\xED\xA0\x80");  // a UTF-16 surrogate encoded in UTF-8
  EXPECT_EQ(out, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWriterTest, NonFiniteDoublesBecomeNull) {
  JsonWriter w;
  w.begin_array();
  w.value(1.0 / 0.0);
  w.value(0.1);
  w.end_array();
  EXPECT_EQ(w.str(), "[null,0.1]");
}

}  // namespace
}  // namespace weft
