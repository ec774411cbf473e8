// Field numbers of the OTLP protobuf messages weft reads and writes (logs and traces).
//
// These are protocol facts from the OpenTelemetry protocol specification (opentelemetry-proto,
// packages opentelemetry.proto.{collector,common,resource,logs,trace}.v1). This header is the
// definition weft uses in place of .proto files; the wire type of each field is noted beside it.
// Field numbers never change in OTLP (only new ones are added), so decoders skip unknown ones.
#pragma once

#include <cstdint>

namespace weft::otlp::field {

// opentelemetry.proto.collector.logs.v1 / trace.v1
inline constexpr uint32_t kExportLogsRequestResourceLogs = 1;    // repeated ResourceLogs
inline constexpr uint32_t kExportTraceRequestResourceSpans = 1;  // repeated ResourceSpans
inline constexpr uint32_t kExportResponsePartialSuccess = 1;     // Export*PartialSuccess
inline constexpr uint32_t kPartialSuccessRejected = 1;           // int64 (varint)
inline constexpr uint32_t kPartialSuccessErrorMessage = 2;       // string

// opentelemetry.proto.common.v1.AnyValue (a oneof)
inline constexpr uint32_t kAnyValueString = 1;  // string
inline constexpr uint32_t kAnyValueBool = 2;    // bool (varint)
inline constexpr uint32_t kAnyValueInt = 3;     // int64 (varint)
inline constexpr uint32_t kAnyValueDouble = 4;  // double (fixed64)
inline constexpr uint32_t kAnyValueArray = 5;   // ArrayValue
inline constexpr uint32_t kAnyValueKvList = 6;  // KeyValueList
inline constexpr uint32_t kAnyValueBytes = 7;   // bytes

// ArrayValue and KeyValueList
inline constexpr uint32_t kArrayValueValues = 1;   // repeated AnyValue
inline constexpr uint32_t kKvListValues = 1;       // repeated KeyValue

// KeyValue
inline constexpr uint32_t kKeyValueKey = 1;    // string
inline constexpr uint32_t kKeyValueValue = 2;  // AnyValue

// InstrumentationScope
inline constexpr uint32_t kScopeName = 1;                    // string
inline constexpr uint32_t kScopeVersion = 2;                 // string
inline constexpr uint32_t kScopeAttributes = 3;              // repeated KeyValue
inline constexpr uint32_t kScopeDroppedAttributesCount = 4;  // uint32 (varint)

// opentelemetry.proto.resource.v1.Resource
inline constexpr uint32_t kResourceAttributes = 1;              // repeated KeyValue
inline constexpr uint32_t kResourceDroppedAttributesCount = 2;  // uint32 (varint)

// ResourceLogs and ResourceSpans share their numbering.
inline constexpr uint32_t kResourceGroupResource = 1;   // Resource
inline constexpr uint32_t kResourceGroupScopes = 2;     // repeated ScopeLogs / ScopeSpans
inline constexpr uint32_t kResourceGroupSchemaUrl = 3;  // string

// ScopeLogs and ScopeSpans share their numbering.
inline constexpr uint32_t kScopeGroupScope = 1;      // InstrumentationScope
inline constexpr uint32_t kScopeGroupItems = 2;      // repeated LogRecord / Span
inline constexpr uint32_t kScopeGroupSchemaUrl = 3;  // string

// opentelemetry.proto.logs.v1.LogRecord
inline constexpr uint32_t kLogTimeUnixNano = 1;            // fixed64
inline constexpr uint32_t kLogSeverityNumber = 2;          // enum (varint)
inline constexpr uint32_t kLogSeverityText = 3;            // string
inline constexpr uint32_t kLogBody = 5;                    // AnyValue
inline constexpr uint32_t kLogAttributes = 6;              // repeated KeyValue
inline constexpr uint32_t kLogDroppedAttributesCount = 7;  // uint32 (varint)
inline constexpr uint32_t kLogFlags = 8;                   // fixed32
inline constexpr uint32_t kLogTraceId = 9;                 // bytes (16)
inline constexpr uint32_t kLogSpanId = 10;                 // bytes (8)
inline constexpr uint32_t kLogObservedTimeUnixNano = 11;   // fixed64
inline constexpr uint32_t kLogEventName = 12;              // string

// opentelemetry.proto.trace.v1.Span
inline constexpr uint32_t kSpanTraceId = 1;                 // bytes (16)
inline constexpr uint32_t kSpanSpanId = 2;                  // bytes (8)
inline constexpr uint32_t kSpanTraceState = 3;              // string
inline constexpr uint32_t kSpanParentSpanId = 4;            // bytes (8)
inline constexpr uint32_t kSpanName = 5;                    // string
inline constexpr uint32_t kSpanKind = 6;                    // enum (varint)
inline constexpr uint32_t kSpanStartTimeUnixNano = 7;       // fixed64
inline constexpr uint32_t kSpanEndTimeUnixNano = 8;         // fixed64
inline constexpr uint32_t kSpanAttributes = 9;              // repeated KeyValue
inline constexpr uint32_t kSpanDroppedAttributesCount = 10; // uint32 (varint)
inline constexpr uint32_t kSpanEvents = 11;                 // repeated Span.Event
inline constexpr uint32_t kSpanDroppedEventsCount = 12;     // uint32 (varint)
inline constexpr uint32_t kSpanLinks = 13;                  // repeated Span.Link
inline constexpr uint32_t kSpanDroppedLinksCount = 14;      // uint32 (varint)
inline constexpr uint32_t kSpanStatus = 15;                 // Status
inline constexpr uint32_t kSpanFlags = 16;                  // fixed32

// Span.Event
inline constexpr uint32_t kEventTimeUnixNano = 1;            // fixed64
inline constexpr uint32_t kEventName = 2;                    // string
inline constexpr uint32_t kEventAttributes = 3;              // repeated KeyValue
inline constexpr uint32_t kEventDroppedAttributesCount = 4;  // uint32 (varint)

// Span.Link
inline constexpr uint32_t kLinkTraceId = 1;                 // bytes (16)
inline constexpr uint32_t kLinkSpanId = 2;                  // bytes (8)
inline constexpr uint32_t kLinkTraceState = 3;              // string
inline constexpr uint32_t kLinkAttributes = 4;              // repeated KeyValue
inline constexpr uint32_t kLinkDroppedAttributesCount = 5;  // uint32 (varint)
inline constexpr uint32_t kLinkFlags = 6;                   // fixed32

// opentelemetry.proto.trace.v1.Status (field 1 is reserved)
inline constexpr uint32_t kStatusMessage = 2;  // string
inline constexpr uint32_t kStatusCode = 3;     // enum (varint)

// google.rpc.Status, the body of OTLP/HTTP error responses and the details of OTLP/gRPC ones
inline constexpr uint32_t kRpcStatusCode = 1;     // int32 (varint)
inline constexpr uint32_t kRpcStatusMessage = 2;  // string
inline constexpr uint32_t kRpcStatusDetails = 3;  // repeated google.protobuf.Any

// google.protobuf.Any
inline constexpr uint32_t kAnyTypeUrl = 1;  // string
inline constexpr uint32_t kAnyValue = 2;    // bytes (the packed message)

// google.rpc.RetryInfo
inline constexpr uint32_t kRetryInfoRetryDelay = 1;  // google.protobuf.Duration

// google.protobuf.Duration
inline constexpr uint32_t kDurationSeconds = 1;  // int64 (varint)
inline constexpr uint32_t kDurationNanos = 2;    // int32 (varint)

}  // namespace weft::otlp::field
