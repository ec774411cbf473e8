// Corruption: a flipped bit anywhere in a part, a truncated, extended or missing file are
// reported as kCorruption naming the file and offset, and never returned as data.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "storage/part/part_test_util.h"

namespace weft::storage {
namespace {

using namespace testing;  // NOLINT: the helpers of part_test_util.h

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

const char* kFiles[] = {"meta.bin", "streams.bin", "index.bin", "columns.bin", "blooms.bin"};

class PartCorruption : public ::testing::Test {
 protected:
  void SetUp() override {
    RandomRecords gen(31);
    gen.set_large_values(false);
    for (int i = 0; i < 40; ++i) rows_.push_back(gen.log());
    PartWriterOptions o;
    o.max_block_rows = 8;
    ASSERT_TRUE(write_log_part(dir_.path() / "p", "t", pointers(rows_), StreamIdentity(), o).is_ok());
    ASSERT_TRUE(read_all(open_part(dir_.path() / "p"), &original_).is_ok());
  }

  std::filesystem::path file(const char* name) const { return dir_.path() / "p" / name; }

  // Opening and verifying the part fails with kCorruption naming `name`; reading every row
  // either fails the same way or gives the original rows.
  void expect_detected(const char* name, const std::string& where) {
    auto part = PartReader::open(dir_.path() / "p");
    Status s = part.is_ok() ? (*part)->verify() : part.status();
    ASSERT_EQ(s.code(), StatusCode::kCorruption) << where;
    EXPECT_NE(s.message().find(name), std::string::npos) << where << ": " << s.message();
    EXPECT_NE(s.message().find("offset"), std::string::npos) << where << ": " << s.message();
    if (!part.is_ok()) return;
    std::vector<LogRecord> got;
    Status read = read_all(*part, &got);
    if (!read.is_ok()) {
      EXPECT_EQ(read.code(), StatusCode::kCorruption) << where;
      return;
    }
    ASSERT_EQ(got.size(), original_.size()) << where;
    for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(log_difference(got[i], original_[i]), "") << where;
  }

  TempDir dir_;
  std::vector<LogRecord> rows_, original_;
};

TEST_F(PartCorruption, EveryFlippedByteIsDetected) {
  size_t flips = 0;
  for (const char* name : kFiles) {
    std::string good = read_file(file(name));
    for (size_t pos = 0; pos < good.size(); ++pos) {
      std::string bad = good;
      bad[pos] = static_cast<char>(bad[pos] ^ (1 << (pos % 8)));
      write_file(file(name), bad);
      expect_detected(name, std::string(name) + " byte " + std::to_string(pos));
      ++flips;
    }
    write_file(file(name), good);
  }
  EXPECT_GT(flips, 1000u);
  EXPECT_TRUE(open_part(dir_.path() / "p")->verify().is_ok());
}

TEST_F(PartCorruption, TruncatedOrExtendedFilesAreDetected) {
  for (const char* name : kFiles) {
    std::string good = read_file(file(name));
    write_file(file(name), good.substr(0, good.size() - 1));
    expect_detected(name, std::string(name) + " truncated");
    write_file(file(name), good + "x");
    expect_detected(name, std::string(name) + " extended");
    write_file(file(name), good);
  }
}

TEST_F(PartCorruption, MissingFilesAreReported) {
  for (const char* name : kFiles) {
    std::string good = read_file(file(name));
    std::filesystem::remove(file(name));
    auto part = PartReader::open(dir_.path() / "p");
    ASSERT_FALSE(part.is_ok()) << name;
    EXPECT_NE(part.status().message().find(name), std::string::npos) << part.status().message();
    write_file(file(name), good);
  }
  EXPECT_EQ(PartReader::open(dir_.path() / "none").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace weft::storage
