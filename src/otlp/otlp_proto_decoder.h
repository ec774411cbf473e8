// ProtoDecoder: the state of one OTLP protobuf decode (internal to the otlp module).
//
// One object per request. Each method decodes one message from its bytes and returns false on
// a structural error, after recording a Status whose message names the path and the problem.
// Records with unacceptable ids are rejected into the DecodeReport instead. The envelope of a
// request (resource and scope groups) is walked by one template over LogsSignal/SpansSignal
// (otlp_proto_decode.cc); the messages shared by logs and traces (AnyValue, KeyValue, Resource,
// InstrumentationScope) are decoded in otlp_proto_common.cc, LogRecord in
// otlp_proto_decode_logs.cc, Span in otlp_proto_decode_spans.cc.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/log_record.h"
#include "model/span.h"
#include "otlp/decode_context.h"
#include "otlp/otlp_decode.h"
#include "otlp/proto_reader.h"

namespace weft::otlp {

class ProtoDecoder : public DecodeContext {
 public:
  ProtoDecoder(const DecodeOptions& options, DecodeReport* report)
      : DecodeContext(options, report) {}

  // Decodes an export request of Signal (LogsSignal, SpansSignal or a type derived from one)
  // into `batch`. Defined and instantiated in otlp_proto_decode.cc.
  template <typename Signal>
  bool request(std::string_view bytes, typename Signal::Batch* batch);

 private:
  // The envelope (otlp_proto_decode.cc).
  template <typename Signal>
  bool resource_group(std::string_view bytes, typename Signal::Batch* batch);
  template <typename Signal>
  bool scope_group(std::string_view bytes, const ResourcePtr& resource,
                   typename Signal::Batch* batch);

  // Shared messages (otlp_proto_common.cc).
  bool any_value(std::string_view bytes, AnyValue* out, int depth);
  bool array_value(std::string_view bytes, std::vector<AnyValue>* out, int depth);
  bool kvlist_value(std::string_view bytes, std::vector<KeyValue>* out, int depth);
  bool key_value(std::string_view bytes, KeyValue* out, int depth);
  // Decodes a KeyValue field and appends it to `attrs`.
  bool attribute(const WireField& f, Attributes* attrs);
  bool resource(std::string_view bytes, Resource* out);
  bool scope(std::string_view bytes, Scope* out);

  // Logs (otlp_proto_decode_logs.cc).
  bool decode_item(std::string_view bytes, LogRecord* rec);
  bool log_record_field(const WireField& f, LogRecord* rec);

  // Traces (otlp_proto_decode_spans.cc).
  bool decode_item(std::string_view bytes, Span* span);
  bool span_field(const WireField& f, Span* span);
  bool span_event(std::string_view bytes, SpanEvent* event);
  bool span_link(std::string_view bytes, SpanLink* link);
  bool span_status(std::string_view bytes, Span* span);

  // Field helpers: each checks the wire type, then stores the value.
  bool want(const WireField& f, WireType type);
  bool get_string(const WireField& f, std::string* out);
  bool get_message(const WireField& f);  // only checks the wire type
  bool get_fixed64(const WireField& f, int64_t* out);
  bool get_fixed32(const WireField& f, uint32_t* out);
  bool get_uint32(const WireField& f, uint32_t* out);
  bool get_int32(const WireField& f, int32_t* out);
  template <typename Enum>
  bool get_enum(const WireField& f, Enum* out);
  template <size_t N>
  bool get_id(const WireField& f, FixedId<N>* id, const char* name);

  // Calls on_field for every field of `bytes`; false on the first failure.
  template <typename OnField>
  bool fields(std::string_view bytes, OnField&& on_field);
};

template <typename OnField>
bool ProtoDecoder::fields(std::string_view bytes, OnField&& on_field) {
  ProtoReader reader(bytes);
  WireField f;
  while (reader.next(&f))
    if (!on_field(f)) return false;
  return !reader.failed() || fail(reader.error());
}

template <typename Enum>
bool ProtoDecoder::get_enum(const WireField& f, Enum* out) {
  int32_t v;
  if (!get_int32(f, &v)) return false;
  *out = static_cast<Enum>(v);
  return true;
}

template <size_t N>
bool ProtoDecoder::get_id(const WireField& f, FixedId<N>* id, const char* name) {
  if (!want(f, WireType::kLen)) return false;
  if (!set_id_bytes(*id, f.bytes))
    reject_current(std::string(name) + " must be " + std::to_string(N) + " bytes, got " +
                   std::to_string(f.bytes.size()));
  return true;
}

// Counts the items (field 2 of every ScopeLogs/ScopeSpans) of an export request without
// decoding them, to size the batch once. Malformed parts count as nothing.
size_t count_request_items(std::string_view request);

// Counts the length-delimited fields `number` of a message (up to the first malformed byte),
// to size a repeated field once.
size_t count_len_fields(std::string_view message, uint32_t number);

}  // namespace weft::otlp
