#include "storage/deletes/delete_log.h"

#include <gtest/gtest.h>

namespace weft::storage {
namespace {

DeleteLog sample() {
  DeleteLog log;
  auto r = make_delete_request({"acme", part_format::Signal::kLogs, 10, 20, R"({service_name="x"} |= "pw")"}, 1, 5);
  EXPECT_TRUE(r.is_ok());
  r->status = DeleteStatus::kProcessed;
  r->processed_at = 7;
  r->rows_deleted = 42;
  log.requests.push_back(*r);
  auto s = make_delete_request({"beta", part_format::Signal::kSpans, 0, 1, R"({a=~"b.*"})"}, 2, 6);
  EXPECT_TRUE(s.is_ok());
  log.requests.push_back(*s);
  log.next_id = 3;
  return log;
}

TEST(DeleteLog, RoundTrips) {
  DeleteLog log = sample();
  auto back = decode_delete_log(encode_delete_log(log), "DELETES");
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->next_id, 3u);
  ASSERT_EQ(back->requests.size(), 2u);
  const DeleteRequest& a = back->requests[0];
  EXPECT_EQ(a.tenant, "acme");
  EXPECT_EQ(a.query, R"({service_name="x"} |= "pw")");
  EXPECT_EQ(a.selector.line_contains, "pw");
  EXPECT_EQ(a.status, DeleteStatus::kProcessed);
  EXPECT_EQ(a.rows_deleted, 42u);
  EXPECT_EQ(a.processed_at, 7);
  EXPECT_EQ(back->requests[1].signal, part_format::Signal::kSpans);
  EXPECT_EQ(back->requests[1].status, DeleteStatus::kReceived);
}

TEST(DeleteLog, DamageIsCorruption) {
  std::string text = encode_delete_log(sample());
  text[text.find("acme")] = 'x';
  auto back = decode_delete_log(text, "DELETES");
  ASSERT_FALSE(back.is_ok());
  EXPECT_EQ(back.status().code(), StatusCode::kCorruption);
  EXPECT_NE(back.status().message().find("checksum mismatch"), std::string::npos);
}

TEST(DeleteRequest, RefusesBadRequests) {
  EXPECT_FALSE(make_delete_request({"", part_format::Signal::kLogs, 0, 1, "{a=\"b\"}"}, 1, 0).is_ok());
  EXPECT_FALSE(make_delete_request({"t", part_format::Signal::kLogs, 2, 1, "{a=\"b\"}"}, 1, 0).is_ok());
  EXPECT_FALSE(make_delete_request({"t", part_format::Signal::kLogs, 0, 1, "{a=\"b\""}, 1, 0).is_ok());
}

}  // namespace
}  // namespace weft::storage
