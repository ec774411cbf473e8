// Splits one line of CSV (RFC 4180 quoting: fields may be quoted, "" is a quote inside a quoted
// field) into its fields. Lines are split by the caller; quoted newlines are not supported
// (the replayed data has none).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace weft::loadgen {

std::vector<std::string> split_csv_line(std::string_view line);

// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string* out);

}  // namespace weft::loadgen
