// LineReader: the lines of a request body (NDJSON, Splunk HEC raw), split at '\n', with a
// trailing '\r' removed and a missing final newline tolerated.
//
// Not thread-safe; the text must outlive the reader.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

namespace weft::ingest {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // The next line (without its "\n" or "\r\n"); false after the last.
  bool next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    const char* start = text_.data() + pos_;
    const void* newline = std::memchr(start, '\n', text_.size() - pos_);
    size_t end = newline ? static_cast<size_t>(static_cast<const char*>(newline) - text_.data())
                         : text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }

  // The 1-based number of the line last returned.
  size_t line_number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

// Whether a line holds nothing but blanks (space, tab, carriage return).
inline bool is_blank_line(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace weft::ingest
