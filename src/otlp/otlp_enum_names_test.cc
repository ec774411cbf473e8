#include "otlp/otlp_enum_names.h"

#include <gtest/gtest.h>
namespace weft::otlp {
namespace {

TEST(OtlpEnumNames, SeverityNumbers) {
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_UNSPECIFIED"), 0);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_TRACE"), 1);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_TRACE4"), 4);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_DEBUG"), 5);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_INFO"), 9);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_INFO3"), 11);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_WARN"), 13);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_ERROR"), 17);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_FATAL4"), 24);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_INFO5"), std::nullopt);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_UNSPECIFIED2"), std::nullopt);
  EXPECT_EQ(severity_number_from_name("INFO"), std::nullopt);
  EXPECT_EQ(severity_number_from_name("SEVERITY_NUMBER_"), std::nullopt);
}

TEST(OtlpEnumNames, SpanKindsAndStatusCodes) {
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_UNSPECIFIED"), 0);
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_INTERNAL"), 1);
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_SERVER"), 2);
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_CLIENT"), 3);
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_PRODUCER"), 4);
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_CONSUMER"), 5);
  EXPECT_EQ(span_kind_from_name("SPAN_KIND_server"), std::nullopt);
  EXPECT_EQ(status_code_from_name("STATUS_CODE_UNSET"), 0);
  EXPECT_EQ(status_code_from_name("STATUS_CODE_OK"), 1);
  EXPECT_EQ(status_code_from_name("STATUS_CODE_ERROR"), 2);
  EXPECT_EQ(status_code_from_name("ERROR"), std::nullopt);
}

}  // namespace
}  // namespace weft::otlp
