#include "app/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "app/commands.h"

namespace weft::app {
namespace {

TEST(ConfigTest, DefaultsMatchTheIssue) {
  Config c;
  EXPECT_EQ(c.data_dir, "./weft-data");
  EXPECT_EQ(c.listen, "127.0.0.1:3100");
  EXPECT_EQ(c.otlp_http_listen, "127.0.0.1:4318");
  EXPECT_EQ(c.syslog_listen, "127.0.0.1:5514");
  EXPECT_EQ(c.jsonlines_listen, "127.0.0.1:5170");
  EXPECT_EQ(c.syslog_tenant, "default");
  EXPECT_TRUE(c.wal_fsync);
}

TEST(ConfigTest, SyslogAndJsonLinesSettings) {
  Config c;
  Status s = load_config_yaml(c,
                              "syslog:\n  listen: 0.0.0.0:514\n  tenant: infra\n"
                              "jsonlines:\n  listen: ''\n  message_fields: text, msg\n"
                              "  trace_id_fields: dd.trace_id\n",
                              "test.yaml");
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_EQ(c.syslog_listen, "0.0.0.0:514");
  EXPECT_EQ(c.syslog_tenant, "infra");
  EXPECT_EQ(c.jsonlines_listen, "");
  EXPECT_EQ(c.jsonlines_fields.message, (std::vector<std::string>{"text", "msg"}));
  EXPECT_EQ(c.jsonlines_fields.trace_id, (std::vector<std::string>{"dd.trace_id"}));
  EXPECT_EQ(c.jsonlines_fields.time, ingest::JsonLinesFields{}.time);
  s = apply_setting(c, "syslog.tenant", "no spaces");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("syslog.tenant: expected 1-150 characters"), std::string::npos) << s.message();
  s = apply_setting(c, "jsonlines.level_fields", "level,,lvl");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("jsonlines.level_fields: expected comma-separated field names"), std::string::npos)
      << s.message();
  EXPECT_FALSE(apply_setting(c, "syslog.listen", "nowhere").is_ok());
}

TEST(ConfigTest, YamlSectionsFlattenIntoKeys) {
  Config c;
  Status s = load_config_yaml(c,
                              "data_dir: /tmp/x\n"
                              "listen: 0.0.0.0:9000\n"
                              "otlp_http_listen: ''\n"
                              "limits:\n  max_request_bytes: 4MiB\n"
                              "wal:\n  fsync: false\n"
                              "shutdown_timeout: 10s\n",
                              "test.yaml");
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_EQ(c.data_dir, "/tmp/x");
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.otlp_http_listen, "");
  EXPECT_EQ(c.max_request_bytes, 4u << 20);
  EXPECT_FALSE(c.wal_fsync);
  EXPECT_EQ(c.shutdown_timeout.count(), 10000);
}

TEST(ConfigTest, UnknownKeyNamesKeyAndLine) {
  Config c;
  Status s = load_config_yaml(c, "listen: 127.0.0.1:1\nlimits:\n  max_requst_bytes: 1MiB\n", "w.yaml");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("w.yaml:3"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("limits.max_requst_bytes"), std::string::npos) << s.message();
}

TEST(ConfigTest, BadValueSaysWhatWasExpected) {
  Config c;
  Status s = load_config_yaml(c, "wal:\n  fsync: maybe\n", "w.yaml");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("wal.fsync: expected true or false"), std::string::npos) << s.message();
  s = apply_setting(c, "limits.max_request_bytes", "2TiB");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("expected a size from 1KiB to 1GiB"), std::string::npos) << s.message();
  EXPECT_FALSE(apply_setting(c, "listen", "localhost").is_ok());
  EXPECT_FALSE(apply_setting(c, "listen", "127.0.0.1:70000").is_ok());
  EXPECT_FALSE(apply_setting(c, "query.max_limit", "0").is_ok());
  EXPECT_FALSE(apply_setting(c, "shutdown_timeout", "10").is_ok());
}

TEST(ConfigTest, LokiPushLimits) {
  Config c;
  EXPECT_EQ(c.loki_max_line_size, 256u << 10);
  EXPECT_EQ(c.loki_reject_old_samples_max_age, std::chrono::hours(168));
  EXPECT_EQ(c.loki_creation_grace_period, std::chrono::minutes(10));
  ASSERT_TRUE(load_config_yaml(c,
                               "loki:\n  max_line_size: 0\n  reject_old_samples_max_age: 0s\n"
                               "  creation_grace_period: 2h\n",
                               "l.yaml")
                  .is_ok());
  EXPECT_EQ(c.loki_max_line_size, 0u);
  EXPECT_EQ(c.loki_reject_old_samples_max_age.count(), 0);
  EXPECT_EQ(c.loki_creation_grace_period, std::chrono::hours(2));
  Status s = apply_setting(c, "loki.max_line_size", "2GiB");
  EXPECT_NE(s.message().find("expected a size from 0 to 1GiB"), std::string::npos) << s.message();
  s = apply_setting(c, "loki.creation_grace_period", "1w");
  EXPECT_NE(s.message().find("expected a duration from 0s to 87600h"), std::string::npos)
      << s.message();
}

TEST(ConfigTest, RetentionSettings) {
  Config c;
  EXPECT_EQ(c.retention, std::chrono::hours(720));
  EXPECT_TRUE(c.retention_per_tenant.empty());
  EXPECT_EQ(c.disk_budget_bytes, 0u);
  ASSERT_TRUE(load_config_yaml(c,
                               "storage:\n  retention: 7d\n  retention_per_tenant: acme=24h,audit=0s\n"
                               "  disk_budget: 50GiB\n",
                               "r.yaml")
                  .is_ok());
  EXPECT_EQ(c.retention, std::chrono::hours(168));
  ASSERT_EQ(c.retention_per_tenant.size(), 2u);
  EXPECT_EQ(c.retention_per_tenant.at("acme"), std::chrono::hours(24));
  EXPECT_EQ(c.retention_per_tenant.at("audit").count(), 0);
  EXPECT_EQ(c.disk_budget_bytes, 50ull << 30);
  Status s = apply_setting(c, "storage.retention_per_tenant", "acme:24h");
  EXPECT_NE(s.message().find("tenant=duration pairs"), std::string::npos) << s.message();
  EXPECT_FALSE(apply_setting(c, "storage.retention_per_tenant", "=1h").is_ok());
  EXPECT_FALSE(apply_setting(c, "storage.retention", "forever").is_ok());
}

TEST(ConfigTest, MalformedYamlIsAnError) {
  Config c;
  Status s = load_config_yaml(c, "listen: [\n", "bad.yaml");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("bad.yaml"), std::string::npos);
  EXPECT_FALSE(load_config_yaml(c, "- a\n- b\n", "list.yaml").is_ok());
  EXPECT_FALSE(load_config_yaml(c, "listen: [a, b]\n", "seq.yaml").is_ok());
}

TEST(ConfigTest, ParsesSizesAndDurations) {
  EXPECT_EQ(*parse_size("20MiB"), 20u << 20);
  EXPECT_EQ(*parse_size("1000"), 1000u);
  EXPECT_EQ(*parse_size("2GB"), 2'000'000'000u);
  EXPECT_FALSE(parse_size("20 MiB").is_ok());
  EXPECT_FALSE(parse_size("MiB").is_ok());
  EXPECT_FALSE(parse_size("99999999999999TiB").is_ok());
  EXPECT_EQ(parse_duration("500ms")->count(), 500);
  EXPECT_EQ(parse_duration("2m")->count(), 120000);
  EXPECT_FALSE(parse_duration("2x").is_ok());
}

TEST(ConfigTest, FlagsAreDerivedFromKeys) {
  std::map<std::string, std::string> want{{"wal.fsync", "--wal-fsync"},
                                          {"otlp_http_listen", "--otlp-http-listen"},
                                          {"syslog.listen", "--syslog-listen"},
                                          {"jsonlines.time_fields", "--jsonlines-time-fields"}};
  for (const auto& s : settings()) {
    auto it = want.find(s.key);
    if (it != want.end()) {
      EXPECT_EQ(s.flag(), it->second);
    }
  }
}

// Every default in the table must itself be a valid value.
TEST(ConfigTest, DefaultsParse) {
  for (const auto& s : settings()) {
    Config c;
    EXPECT_TRUE(s.apply(c, s.default_text).is_ok()) << s.key;
  }
}

// docs/configuration.md must carry the same table the binary prints.
TEST(ConfigTest, DocumentationListsEverySetting) {
  std::ifstream in(std::string(WEFT_SOURCE_DIR) + "/docs/configuration.md");
  ASSERT_TRUE(in) << "docs/configuration.md missing";
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_NE(doc.str().find(settings_reference_markdown()), std::string::npos)
      << "regenerate the table with `weft help config`";
}

}  // namespace
}  // namespace weft::app
