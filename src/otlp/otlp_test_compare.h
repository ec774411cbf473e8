// GoogleTest helpers for OTLP tests: compare decoded records and spans field by field, with
// the resource and scope compared by content (a null pointer counts as an empty object).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "model/log_record.h"
#include "model/span.h"

namespace weft::otlp::testing {

inline const Resource& resource_or_empty(const ResourcePtr& p) {
  static const Resource kEmpty;
  return p ? *p : kEmpty;
}

inline const Scope& scope_or_empty(const ScopePtr& p) {
  static const Scope kEmpty;
  return p ? *p : kEmpty;
}

inline void expect_log_equal(const LogRecord& a, const LogRecord& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.time_unix_nano, b.time_unix_nano);
  EXPECT_EQ(a.observed_time_unix_nano, b.observed_time_unix_nano);
  EXPECT_EQ(a.severity_number, b.severity_number);
  EXPECT_EQ(a.severity_text, b.severity_text);
  EXPECT_TRUE(a.body == b.body);
  EXPECT_TRUE(a.attributes == b.attributes);
  EXPECT_EQ(a.dropped_attributes_count, b.dropped_attributes_count);
  EXPECT_EQ(a.flags, b.flags);
  EXPECT_EQ(a.trace_id, b.trace_id);
  EXPECT_EQ(a.span_id, b.span_id);
  EXPECT_EQ(a.event_name, b.event_name);
  EXPECT_TRUE(resource_or_empty(a.resource) == resource_or_empty(b.resource));
  EXPECT_TRUE(scope_or_empty(a.scope) == scope_or_empty(b.scope));
}

inline void expect_logs_equal(const LogBatch& a, const LogBatch& b) {
  ASSERT_EQ(a.records.size(), b.records.size());
  for (size_t i = 0; i < a.records.size(); ++i)
    expect_log_equal(a.records[i], b.records[i], "record " + std::to_string(i));
}

inline void expect_event_equal(const SpanEvent& a, const SpanEvent& b) {
  EXPECT_EQ(a.time_unix_nano, b.time_unix_nano);
  EXPECT_EQ(a.name, b.name);
  EXPECT_TRUE(a.attributes == b.attributes);
  EXPECT_EQ(a.dropped_attributes_count, b.dropped_attributes_count);
}

inline void expect_link_equal(const SpanLink& a, const SpanLink& b) {
  EXPECT_EQ(a.trace_id, b.trace_id);
  EXPECT_EQ(a.span_id, b.span_id);
  EXPECT_EQ(a.trace_state, b.trace_state);
  EXPECT_TRUE(a.attributes == b.attributes);
  EXPECT_EQ(a.dropped_attributes_count, b.dropped_attributes_count);
  EXPECT_EQ(a.flags, b.flags);
}

inline void expect_span_equal(const Span& a, const Span& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.trace_id, b.trace_id);
  EXPECT_EQ(a.span_id, b.span_id);
  EXPECT_EQ(a.trace_state, b.trace_state);
  EXPECT_EQ(a.parent_span_id, b.parent_span_id);
  EXPECT_EQ(a.flags, b.flags);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.start_time_unix_nano, b.start_time_unix_nano);
  EXPECT_EQ(a.end_time_unix_nano, b.end_time_unix_nano);
  EXPECT_TRUE(a.attributes == b.attributes);
  EXPECT_EQ(a.dropped_attributes_count, b.dropped_attributes_count);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) expect_event_equal(a.events[i], b.events[i]);
  EXPECT_EQ(a.dropped_events_count, b.dropped_events_count);
  ASSERT_EQ(a.links.size(), b.links.size());
  for (size_t i = 0; i < a.links.size(); ++i) expect_link_equal(a.links[i], b.links[i]);
  EXPECT_EQ(a.dropped_links_count, b.dropped_links_count);
  EXPECT_EQ(a.status_code, b.status_code);
  EXPECT_EQ(a.status_message, b.status_message);
  EXPECT_TRUE(resource_or_empty(a.resource) == resource_or_empty(b.resource));
  EXPECT_TRUE(scope_or_empty(a.scope) == scope_or_empty(b.scope));
}

inline void expect_spans_equal(const SpanBatch& a, const SpanBatch& b) {
  ASSERT_EQ(a.spans.size(), b.spans.size());
  for (size_t i = 0; i < a.spans.size(); ++i)
    expect_span_equal(a.spans[i], b.spans[i], "span " + std::to_string(i));
}

}  // namespace weft::otlp::testing
