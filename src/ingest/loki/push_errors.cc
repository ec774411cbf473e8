#include "ingest/loki/push_errors.h"

namespace weft::ingest::loki {

std::string invalid_labels_message(std::string_view raw_labels, std::string_view error) {
  return "Error parsing labels '" + std::string(raw_labels) + "' with error: " +
         std::string(error);
}

std::string missing_labels_message() {
  return "error at least one label pair is required per stream";
}

std::string duplicate_label_message(std::string_view raw_labels, std::string_view name) {
  return "stream '" + std::string(raw_labels) + "' has duplicate label name: '" +
         std::string(name) + "'";
}

std::string too_old_message(std::string_view labels, UnixNanos timestamp, UnixNanos oldest) {
  return "entry for stream '" + std::string(labels) + "' has timestamp too old: " +
         go_rfc3339(timestamp) + ", oldest acceptable timestamp is: " + go_rfc3339(oldest);
}

std::string too_new_message(std::string_view labels, UnixNanos timestamp) {
  return "entry for stream '" + std::string(labels) + "' has timestamp too new: " +
         go_rfc3339(timestamp);
}

std::string line_too_long_message(uint64_t max_size, std::string_view labels, size_t length) {
  return "Max entry size '" + std::to_string(max_size) + "' bytes exceeded for stream '" +
         std::string(labels) + "' while adding an entry with length '" +
         std::to_string(length) + "' bytes";
}

std::string missing_streams_message() {
  return "error at least one valid stream is required for ingestion";
}

std::string go_rfc3339(UnixNanos t) {
  std::string text = format_rfc3339_nanos(t);  // "...T10:04:05.123456789Z"
  size_t dot = text.rfind('.');
  if (dot != std::string::npos) text.erase(dot, text.size() - 1 - dot);
  return text;
}

void PushErrors::add(std::string message, uint64_t entries) {
  ++failures_;
  rejected_entries_ += entries;
  auto it = index_.find(message);
  if (it != index_.end()) {
    ++distinct_[it->second].second;
  } else if (distinct_.size() < kMaxDistinct) {
    index_.emplace(message, distinct_.size());
    distinct_.emplace_back(std::move(message), 1);
  } else {
    ++uncounted_;
  }
}

std::string PushErrors::message() const {
  std::string out;
  bool grouped = distinct_.size() > 1 || uncounted_ > 0;
  for (const auto& [text, count] : distinct_) {
    if (!out.empty()) out += "; ";
    if (grouped || count > 1) out += std::to_string(count) + " errors like: ";
    out += text;
  }
  if (uncounted_ > 0) out += "; and " + std::to_string(uncounted_) + " more errors";
  return out;
}

}  // namespace weft::ingest::loki
