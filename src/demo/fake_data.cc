#include "demo/fake_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace weft::demo {

namespace {

constexpr int kCustomerPool = 1000;

const std::vector<std::string> kFirstNames = {
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
    "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki"};
const std::vector<std::string> kLastNames = {
    "smith", "garcia", "muller", "rossi", "nakamura", "kowalski", "silva", "dubois", "jensen",
    "okafor", "novak", "haddad", "larsen", "moreau", "ito", "fischer"};

struct TestCard {
  const char* number;
  const char* brand;
};
constexpr TestCard kTestCards[] = {
    {"4111 1111 1111 1111", "visa"},
    {"5555 5555 5555 4444", "mastercard"},
    {"4012 8888 8888 1881", "visa"},
    {"3782 822463 10005", "amex"},
    {"6011 1111 1111 1117", "discover"},
};

struct Product {
  const char* sku;
  const char* name;
  double price;
};
const std::vector<Product> kCatalogue = {
    {"SKU-10234", "trail running shoes", 89.90}, {"SKU-10877", "merino wool socks", 14.50},
    {"SKU-11402", "rain jacket", 129.00},        {"SKU-12019", "insulated bottle", 24.95},
    {"SKU-12550", "headlamp", 39.99},            {"SKU-13008", "camping stove", 64.00},
    {"SKU-13391", "sleeping pad", 79.50},        {"SKU-14112", "trekking poles", 54.90},
    {"SKU-14760", "daypack 24l", 69.00},         {"SKU-15233", "first aid kit", 19.99},
    {"SKU-15901", "water filter", 44.90},        {"SKU-16420", "sun hat", 22.00},
};

constexpr std::string_view kIdAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

}  // namespace

Customer fake_customer(Random& rng) {
  uint64_t n = rng.below(kCustomerPool);
  Random person(mix64(n * 0x2545F4914F6CDD1Dull));
  Customer c;
  c.user_id = "u-" + std::to_string(100000 + (n * 7919) % 900000);
  const std::string& first = person.pick(kFirstNames);
  const std::string& last = person.pick(kLastNames);
  c.name = first + " " + last;
  c.email = first + "." + last + std::to_string(n) + "@example.com";
  const TestCard& card = kTestCards[n % std::size(kTestCards)];
  c.card_number = card.number;
  c.card_brand = card.brand;
  return c;
}

Order fake_order(Random& rng) {
  Order o;
  o.id = fake_id(rng, "ord-", 8);
  o.currency = rng.chance(0.7) ? "USD" : "EUR";
  int lines = 1 + static_cast<int>(std::min<uint64_t>(rng.below(4), rng.below(4)));
  double total = 0;
  for (int i = 0; i < lines; ++i) {
    const Product& p = kCatalogue[rng.below(kCatalogue.size())];
    int quantity = rng.chance(0.8) ? 1 : static_cast<int>(rng.between(2, 4));
    o.items.push_back({p.sku, p.name, quantity, p.price});
    total += quantity * p.price;
  }
  o.amount = std::round(total * 100) / 100;
  return o;
}

std::string fake_sku(Random& rng) { return kCatalogue[rng.below(kCatalogue.size())].sku; }

std::string fake_id(Random& rng, std::string_view prefix, int length) {
  std::string out(prefix);
  for (int i = 0; i < length; ++i) out += kIdAlphabet[rng.below(kIdAlphabet.size())];
  return out;
}

std::string format_amount(double amount) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  return buf;
}

}  // namespace weft::demo
