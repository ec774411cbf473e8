#include "ingest/loki/push_builder.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <utility>

#include "ingest/loki/stream_mapping.h"
#include "model/severity.h"

namespace weft::ingest::loki {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

// Drops labels with empty values (Loki: an empty value is no label) and sorts by name.
void normalize(Labels& labels) {
  std::erase_if(labels, [](const Label& l) { return l.value.empty(); });
  std::stable_sort(labels.begin(), labels.end(),
                   [](const Label& a, const Label& b) { return a.name < b.name; });
}

// The first name that appears twice in sorted labels, or nullptr.
const std::string* duplicate_name(const Labels& sorted) {
  for (size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].name == sorted[i - 1].name) return &sorted[i].name;
  return nullptr;
}

bool has_service_name(const Labels& labels) {
  for (const Label& l : labels)
    if (attribute_key_for_label(l.name) == kServiceNameAttribute) return true;
  return false;
}

// Adds service_name as Loki's discover_service_name does, keeping the labels sorted.
void add_service_name(Labels& sorted) {
  if (has_service_name(sorted)) return;
  Label label{std::string(kServiceNameLabel), std::string(discover_service_name(sorted))};
  auto at = std::lower_bound(sorted.begin(), sorted.end(), label,
                             [](const Label& a, const Label& b) { return a.name < b.name; });
  sorted.insert(at, std::move(label));
}

}  // namespace

UnixNanos timestamp_nanos(int64_t seconds, int32_t nanos) {
  int64_t ns = 0;
  if (__builtin_mul_overflow(seconds, kNanosPerSecond, &ns) ||
      __builtin_add_overflow(ns, int64_t{nanos}, &ns))
    return seconds < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
  return ns;
}

PushBuilder::PushBuilder(const PushOptions& options)
    : options_(options), scope_(std::make_shared<Scope>()) {}

void PushBuilder::begin_stream(Result<Labels> labels, std::string_view raw_labels) {
  ++result_.streams;
  stream_error_.clear();
  stream_entries_ = 0;
  labels_text_.clear();
  resource_.reset();
  severity_text_.clear();
  severity_number_ = 0;
  if (!labels.is_ok()) {
    std::string raw = raw_labels.empty() ? std::string("{}") : std::string(raw_labels);
    stream_error_ = invalid_labels_message(raw, labels.status().message());
    return;
  }
  set_up_stream(std::move(*labels), raw_labels);
}

void PushBuilder::set_up_stream(Labels labels, std::string_view raw_labels) {
  normalize(labels);
  if (labels.empty()) {
    stream_error_ = missing_labels_message();
    return;
  }
  if (const std::string* name = duplicate_name(labels)) {
    stream_error_ =
        duplicate_label_message(raw_labels.empty() ? format_labels(labels) : raw_labels, *name);
    return;
  }
  add_service_name(labels);
  resource_ = resource_for(labels);
  severity_text_ = std::string(level_of(labels));
  severity_number_ = effective_severity(0, severity_text_);
  stream_labels_ = std::move(labels);
}

void PushBuilder::reserve(size_t entries) {
  auto& records = result_.batch.records;
  size_t needed = records.size() + entries;
  if (stream_error_.empty() && needed > records.capacity())
    records.reserve(std::max(needed, 2 * records.capacity()));  // geometric: many streams
}

void PushBuilder::add_entry(UnixNanos timestamp, std::string_view line,
                            std::span<const MetadataPair> metadata) {
  ++stream_entries_;
  if (!stream_error_.empty()) return;
  std::string error = entry_error(timestamp, line.size());
  if (!error.empty()) return result_.errors.add(std::move(error), 1);
  LogRecord& record = result_.batch.records.emplace_back();
  record.time_unix_nano = timestamp;
  record.observed_time_unix_nano = options_.now;
  record.body = AnyValue(std::string(line));
  record.severity_text = severity_text_;
  record.severity_number = severity_number_;
  record.resource = resource_;
  record.scope = scope_;
  if (!metadata.empty()) apply_metadata(record, metadata);
}

void PushBuilder::end_stream() {
  if (!stream_error_.empty() && stream_entries_ > 0)
    result_.errors.add(std::move(stream_error_), stream_entries_);
  stream_error_.clear();
}

PushResult PushBuilder::finish() && { return std::move(result_); }

std::string PushBuilder::entry_error(UnixNanos timestamp, size_t line_size) {
  const PushLimits& limits = options_.limits;
  UnixNanos oldest = 0;  // before 1970 is always too old
  if (limits.reject_old_samples_max_age_ns > 0)
    oldest = std::max<UnixNanos>(0, options_.now - limits.reject_old_samples_max_age_ns);
  if (timestamp < oldest) return too_old_message(labels_text(), timestamp, oldest);
  if (timestamp > options_.now && timestamp - options_.now > limits.creation_grace_period_ns)
    return too_new_message(labels_text(), timestamp);
  if (limits.max_line_size != 0 && line_size > limits.max_line_size)
    return line_too_long_message(limits.max_line_size, labels_text(), line_size);
  return {};
}

ResourcePtr PushBuilder::resource_for(const Labels& labels) {
  std::string key;  // length-prefixed, so no name or value can fake a boundary
  for (const Label& l : labels) {
    for (const std::string* part : {&l.name, &l.value}) {
      key += std::to_string(part->size());
      key += ':';
      key += *part;
    }
  }
  auto [it, added] = resources_.try_emplace(std::move(key));
  if (added) it->second = stream_resource(labels);
  return it->second;
}

const std::string& PushBuilder::labels_text() {
  if (labels_text_.empty()) labels_text_ = format_labels(stream_labels_);
  return labels_text_;
}

void PushBuilder::apply_metadata(LogRecord& record,
                                 std::span<const MetadataPair> metadata) const {
  record.attributes.reserve(metadata.size());
  for (const MetadataPair& m : metadata) {
    if (m.name == "trace_id" && !record.trace_id.present()) {
      if (auto id = TraceId::from_hex(m.value); id && id->present()) {
        record.trace_id = *id;
        continue;
      }
    } else if (m.name == "span_id" && !record.span_id.present()) {
      if (auto id = SpanId::from_hex(m.value); id && id->present()) {
        record.span_id = *id;
        continue;
      }
    }
    if (record.severity_text.empty() && is_level_field(m.name)) {
      record.severity_text = std::string(m.value);
      record.severity_number = effective_severity(0, record.severity_text);
    }
    record.attributes.push_back({std::string(m.name), AnyValue(std::string(m.value))});
  }
}

}  // namespace weft::ingest::loki
