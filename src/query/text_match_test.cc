#include "query/text_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>

namespace weft::query {
namespace {

TEST(TextMatch, FindsSubstringsIgnoringAsciiCase) {
  CaseInsensitiveMatcher m("TimeOut");
  EXPECT_TRUE(m.contains("request timeout after 5s"));
  EXPECT_TRUE(m.contains("TIMEOUT"));
  EXPECT_TRUE(m.contains("timeout"));
  EXPECT_FALSE(m.contains("time out"));
  EXPECT_FALSE(m.contains("timeou"));
  EXPECT_FALSE(m.contains(""));
}

TEST(TextMatch, EmptyNeedleMatchesEverything) {
  CaseInsensitiveMatcher m("");
  EXPECT_TRUE(m.contains(""));
  EXPECT_TRUE(m.contains("anything"));
}

TEST(TextMatch, NonAsciiBytesCompareExactly) {
  CaseInsensitiveMatcher m("Grüße");
  EXPECT_TRUE(m.contains("viele grüße!"));
  EXPECT_FALSE(m.contains("viele GRÜSSE"));
}

TEST(TextMatch, AgreesWithANaiveSearch) {
  std::mt19937 rng(7);
  auto random_text = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back("abAB-"[rng() % 5]);
    return s;
  };
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (int i = 0; i < 5000; ++i) {
    std::string needle = random_text(1 + rng() % 4), hay = random_text(rng() % 20);
    bool expected = lower(hay).find(lower(needle)) != std::string::npos;
    EXPECT_EQ(CaseInsensitiveMatcher(needle).contains(hay), expected) << needle << " in " << hay;
  }
}

}  // namespace
}  // namespace weft::query
