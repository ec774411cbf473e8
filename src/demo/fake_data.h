// Made-up customers, products and orders for the simulated shop.
//
// Customers come from a fixed pool of 1000: the same user id always has the same name, e-mail
// address and card number. Card numbers are the well-known test numbers of card networks
// (4111 1111 1111 1111, ...), never real ones; e-mail addresses are at example.com. They show
// up in log lines on purpose, so that redaction has something to find.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "demo/random.h"

namespace weft::demo {

struct Customer {
  std::string user_id;  // "u-104729"
  std::string name;
  std::string email;
  std::string card_number;  // spaced groups: "4111 1111 1111 1111"
  std::string card_brand;   // "visa", ...
};

struct LineItem {
  std::string sku;
  std::string product;
  int quantity = 1;
  double unit_price = 0;
};

struct Order {
  std::string id;  // "ord-7Q2M9K4D"
  std::vector<LineItem> items;
  double amount = 0;  // sum of the items, rounded to cents
  std::string currency;
};

Customer fake_customer(Random& rng);
Order fake_order(Random& rng);
// A product SKU from the catalogue.
std::string fake_sku(Random& rng);
// `prefix` then `length` characters of an unambiguous upper-case alphabet: "pay-3HX7Q2ZM".
std::string fake_id(Random& rng, std::string_view prefix, int length);
// An amount as text with two decimals: "59.90".
std::string format_amount(double amount);

}  // namespace weft::demo
