// Prometheus label sets in text form, as Loki's push names a stream: `{app="api", env="prod"}`.
//
// parse_prometheus_labels() reads what Prometheus' metric parser (and so Loki's push) reads:
//
//   blanks, an optional metric name (stored as the label __name__), an optional `{`...`}`
//   holding `name="value"` pairs separated by commas (a trailing comma is fine), blanks.
//   Blanks are spaces, tabs, CR and LF; `#` starts a comment that runs to the end of the line.
//   name   [a-zA-Z_][a-zA-Z0-9_]*, or a quoted string (Prometheus 3 UTF-8 names), not empty
//   value  "double quoted" or 'single quoted' with Go's escapes (\a \b \f \n \r \t \v \\,
//          the quote itself, \xHH, \OOO, \uHHHH, \UHHHHHHHH; no raw newline), or `back quoted`
//          with no escapes at all. Values must be valid UTF-8.
//
// Errors read like Prometheus' own, with a 1-based line and column: "1:7: parse error:
// unexpected \"!=\" in label set, expected \"=\"". Labels are returned in the order written;
// duplicates and empty values are kept (the caller applies Loki's rules to them).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace weft::ingest::loki {

struct Label {
  std::string name;
  std::string value;
  bool operator==(const Label&) const = default;
};
using Labels = std::vector<Label>;

Result<Labels> parse_prometheus_labels(std::string_view text);

// Whether `name` is a label name Prometheus accepts unquoted: [a-zA-Z_][a-zA-Z0-9_]*.
bool is_legacy_label_name(std::string_view name);

// The text Prometheus' Labels.String() gives and Loki's error messages quote: `{a="b", c="d"}`,
// in the given order, names quoted only when they need it, values escaped as Go's
// strconv.Quote does for the characters that need it.
std::string format_labels(const Labels& labels);

}  // namespace weft::ingest::loki
