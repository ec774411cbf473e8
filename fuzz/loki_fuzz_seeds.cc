// Writes a starting corpus for the Loki push fuzz targets: PushRequests (raw, and as snappy
// bodies) into the first directory, JSON bodies into the second, label sets into the third
// (all created if missing).
//
//   loki_fuzz_seeds build-fuzz/corpus/loki_push_proto_fuzz build-fuzz/corpus/loki_push_json_fuzz \
//                   build-fuzz/corpus/prometheus_labels_fuzz
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/snappy_block.h"
#include "ingest/loki/loki_push_test_util.h"

namespace {

using namespace weft;
using namespace weft::ingest::loki::testing;

bool write_seeds(const std::filesystem::path& dir, const std::vector<std::string>& seeds) {
  std::filesystem::create_directories(dir);
  for (size_t i = 0; i < seeds.size(); ++i) {
    std::ofstream out(dir / ("seed-" + std::to_string(i)), std::ios::binary | std::ios::trunc);
    out << seeds[i];
    if (!out) return false;
  }
  return true;
}

// Within the fuzz targets' time window (now = 2026-11-23T10:00:00Z, one hour back).
constexpr int64_t kSeedSeconds = kNowSeconds - 60;

std::vector<std::string> proto_seeds() {
  std::vector<std::string> protos = {
      push_proto({{R"({app="shop", level="info"})",
                   {{kSeedSeconds, 5, "user logged in", {{"trace_id", "5b8efff798038103d269b633813fc60c"},
                                                          {"span_id", "eee19b7ec3c1b174"}}},
                    {kSeedSeconds, 6, "slow query", {{"level", "warn"}, {"user", "42"}}}}},
                  {R"({service_name="api", k8s_pod_name="api-1"})", {{kSeedSeconds, 0, "x", {}}}}}),
      push_proto({{R"({a="1", a="2"})", {{kSeedSeconds, 0, "dup", {}}}},
                  {R"({bad!="x"})", {{kSeedSeconds, 0, "bad", {}}}},
                  {"{}", {{kSeedSeconds, 0, "none", {}}}}}),
      push_proto({{R"({app="t"})", {{1, 0, "too old", {}}, {kNowSeconds + 7200, 0, "too new", {}}}}}),
  };
  std::vector<std::string> seeds;
  for (const std::string& p : protos) {
    seeds.push_back(std::string(1, '\0') + p);
    seeds.push_back(std::string(1, '\1') + snappy_compress(p));
  }
  return seeds;
}

std::vector<std::string> json_seeds() {
  std::string ts = std::to_string(kSeedSeconds) + "000000000";
  return {
      R"({"streams":[{"stream":{"level":"info","hostname":"h","app":"pino"},"values":[[")" + ts +
          R"(","{\"msg\":\"hi\"}"],[")" + ts + R"(","x",{"userId":"42","trace_id":"5b8efff798038103d269b633813fc60c"}]]}]})",
      R"({"streams":[{"stream":{"":"x"},"values":[[")" + ts + R"(","y",null]]},{"stream":{"a":"b"},"values":[]}]})",
      R"({"streams":[{"stream":{"app":"w"},"values":[["-1","old"],["+)" + ts + R"(","z"]]}]})",
      R"({})",
  };
}

std::vector<std::string> label_seeds() {
  return {R"({level="info",app="wire-probe"})",
          R"(metric:name{a="b", c='d\'e', e=`raw`, "f.g"="\x41\u00e9\U0001F600\101"})",
          "{a=\"b\",} # comment\n",
          R"({a!="b"})",
          ""};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: loki_fuzz_seeds <proto dir> <json dir> <labels dir>\n";
    return 2;
  }
  if (!write_seeds(argv[1], proto_seeds()) || !write_seeds(argv[2], json_seeds()) ||
      !write_seeds(argv[3], label_seeds())) {
    std::cerr << "loki_fuzz_seeds: cannot write seeds\n";
    return 1;
  }
  return 0;
}
