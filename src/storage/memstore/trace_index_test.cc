#include "storage/memstore/trace_index.h"

#include <gtest/gtest.h>

namespace weft::storage {
namespace {

TraceId id_of(uint8_t a, uint8_t shard_byte) {
  TraceId id;
  id.bytes[0] = a;
  id.bytes[7] = shard_byte;
  return id;
}

TEST(TraceIndexTest, ChainsPositionsOldestFirst) {
  TraceIndex index;
  TraceId a = id_of(1, 3), b = id_of(2, 3), absent;
  EXPECT_GT(index.add(a, 0), 0u);
  EXPECT_EQ(index.add(absent, 1), 0u);
  index.add(b, 2);
  index.add(a, 5);  // positions 3 and 4 carry no trace id
  index.add(a, 6);
  EXPECT_EQ(index.positions(a), (std::vector<uint64_t>{0, 5, 6}));
  EXPECT_EQ(index.positions(b), (std::vector<uint64_t>{2}));
  EXPECT_TRUE(index.positions(id_of(9, 3)).empty());
  EXPECT_TRUE(index.positions(absent).empty());
}

TEST(TraceIndexTest, ManyTracesAcrossShards) {
  TraceIndex index;
  uint64_t position = 0;
  auto id = [](int t) { return id_of(static_cast<uint8_t>(t % 200 + 1), static_cast<uint8_t>(t / 200)); };
  for (int round = 0; round < 3; ++round)
    for (int t = 0; t < 1000; ++t) index.add(id(t), position++);
  for (int t = 0; t < 1000; t += 97) {
    auto p = index.positions(id(t));
    EXPECT_EQ(p, (std::vector<uint64_t>{uint64_t(t), uint64_t(t + 1000), uint64_t(t + 2000)}));
  }
}

}  // namespace
}  // namespace weft::storage
