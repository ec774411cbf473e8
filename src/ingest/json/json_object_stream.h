// JsonObjectStream: splits a body of JSON objects written one after another, with or without
// whitespace between them ({"a":1}{"b":2}\n{"c":3}), as Splunk HEC clients send batches.
//
// It finds where each object ends by counting braces and brackets outside strings, without
// validating; the caller parses each object (a malformed one fails there, so an error names
// the exact object). Anything but '{' where an object should start, or an object that never
// closes, is reported as malformed.
//
// Not thread-safe; the text must outlive the stream.
#pragma once

#include <cstddef>
#include <string_view>

namespace weft::ingest {

class JsonObjectStream {
 public:
  enum class Next { kObject, kEnd, kMalformed };

  explicit JsonObjectStream(std::string_view text) : text_(text) {}

  // The next object's text in *object (kObject); kEnd after the last one; kMalformed for
  // text that cannot start or finish an object (the stream stays there).
  Next next(std::string_view* object);

  // Whether only whitespace is left.
  bool at_end();

 private:
  void skip_whitespace();

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace weft::ingest
