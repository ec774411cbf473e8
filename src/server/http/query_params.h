// QueryParams: the decoded parameters of a URL query string ("a=1&b=x+y&c=%2F").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace weft::server {

class QueryParams {
 public:
  // Splits on '&', decodes '+' as space and %XX escapes. kInvalidArgument for a bad escape.
  static Result<QueryParams> parse(std::string_view query);

  // The first value of `name`, or nullptr when absent.
  const std::string* get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return params_; }
  // Appends a parameter (after any of the same name).
  void add(std::string name, std::string value) { params_.emplace_back(std::move(name), std::move(value)); }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// Decodes %XX escapes (and "+" as space when `plus_is_space`); kInvalidArgument for a bad
// escape.
Result<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace weft::server
