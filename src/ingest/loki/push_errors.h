// The validation messages of Loki's push, in Loki's own wording (pkg/validation/validate.go),
// and PushErrors, which groups the failures of one request into one answer as Loki's
// distributor does: "2 errors like: <message>; 1 errors like: <other message>".
//
// Not thread-safe: one PushErrors per request.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/time.h"

namespace weft::ingest::loki {

// Messages. `labels` is a stream's label set as format_labels() prints it; `raw_labels` is the
// label string as the client sent it.
std::string invalid_labels_message(std::string_view raw_labels, std::string_view error);
std::string missing_labels_message();
std::string duplicate_label_message(std::string_view raw_labels, std::string_view name);
std::string too_old_message(std::string_view labels, UnixNanos timestamp, UnixNanos oldest);
std::string too_new_message(std::string_view labels, UnixNanos timestamp);
std::string line_too_long_message(uint64_t max_size, std::string_view labels, size_t length);
// The answer to a request with no stream at all (Loki: 422).
std::string missing_streams_message();

// A time as Go's RFC 3339 layout prints it in UTC: "2026-11-22T10:04:05Z" (whole seconds).
std::string go_rfc3339(UnixNanos t);

class PushErrors {
 public:
  // Distinct messages kept; past this, further distinct messages are only counted.
  static constexpr size_t kMaxDistinct = 10;

  // One failure; `entries` is how many entries it refused (a bad stream refuses them all).
  void add(std::string message, uint64_t entries);

  bool empty() const { return failures_ == 0; }
  // Entries refused.
  uint64_t rejected_entries() const { return rejected_entries_; }
  // The grouped message, in order of first appearance; "" when empty(). A message seen once
  // while it is the only one is given alone, the others as "<n> errors like: <message>".
  std::string message() const;

 private:
  std::vector<std::pair<std::string, uint64_t>> distinct_;  // message, times seen
  std::unordered_map<std::string, size_t> index_;           // message -> position in distinct_
  uint64_t failures_ = 0;
  uint64_t uncounted_ = 0;  // failures past kMaxDistinct distinct messages
  uint64_t rejected_entries_ = 0;
};

}  // namespace weft::ingest::loki
