// Pieces shared by the protobuf and JSON decoders of OTLP requests: DecodePath, which tracks
// where the decoder is for error messages ("resource_logs[0].scope_logs[1].log_records[3]"),
// the id rules and DecodeContext::finish_item, which decide whether a record is kept or
// rejected, and the signal traits (LogsSignal, SpansSignal) over which both decoders walk the
// envelope of a request with one template.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "model/ids.h"
#include "model/log_record.h"
#include "model/span.h"
#include "otlp/otlp_decode.h"

namespace weft::otlp {

// A stack of path segments, pushed on the way into a message and popped on the way out.
// The segments live in PathScope objects on the decoder's own call stack, linked to their
// parent, so pushing and popping cost a few stores and never allocate; the text is only built
// when a message needs it. Segment names are views: they must outlive the segment (string
// literals, or keys of the JSON document being decoded).
class DecodePath {
 public:
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);

  bool empty() const { return top_ == nullptr; }
  // Sets the index of the innermost segment (an element of the array it names).
  void set_index(size_t index) { top_->index = index; }

  // "resource_logs[0].scope_logs[1].log_records[3]"; "" at the top.
  std::string str() const;
  // "<path>: <what>", or `what` alone at the top of the request.
  std::string describe(std::string_view what) const;

 private:
  friend class PathScope;
  struct Segment {
    std::string_view name;
    size_t index;
    Segment* parent;
  };
  Segment* top_ = nullptr;
};

// GCC cannot see that ~PathScope unlinks the segment before it goes out of scope.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif

// Pushes a segment for the lifetime of the scope.
class PathScope {
 public:
  PathScope(DecodePath& path, std::string_view name, size_t index = DecodePath::kNoIndex)
      : path_(path), segment_{name, index, path.top_} {
    path_.top_ = &segment_;
  }
  ~PathScope() { path_.top_ = segment_.parent; }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  DecodePath& path_;
  DecodePath::Segment segment_;
};

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// Sets `id` from raw id bytes: empty input leaves it absent, N bytes set it. Returns false
// (leaving it absent) for any other length.
template <size_t N>
bool set_id_bytes(FixedId<N>& id, std::string_view raw) {
  id = FixedId<N>{};
  return raw.empty() || id.assign(raw);
}

// The value of a hex digit of either case, or -1.
inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Sets `id` from hex text (OTLP/JSON): "" leaves it absent, 2N hex digits of either case set
// it. Returns false (leaving it absent) for other lengths and non-hex characters.
template <size_t N>
bool set_id_hex(FixedId<N>& id, std::string_view hex) {
  id = FixedId<N>{};
  if (hex.empty()) return true;
  if (hex.size() != 2 * N) return false;
  FixedId<N> parsed;
  for (size_t i = 0; i < N; ++i) {
    int hi = hex_digit(hex[2 * i]);
    int lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    parsed.bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  id = parsed;
  return true;
}

// The lowerCamelCase (OTLP/JSON) and snake_case (protobuf, error paths) names of a field.
struct FieldName {
  std::string_view camel;
  std::string_view snake;
};

// What the logs and the traces envelopes differ in. Both are an export request holding
// resource groups (field 1), each holding scope groups (field 2), each holding items (field 2),
// with the same field numbers (see otlp_fields.h).
struct LogsSignal {
  using Item = LogRecord;
  using Batch = LogBatch;
  static constexpr FieldName kResourceGroups{"resourceLogs", "resource_logs"};
  static constexpr FieldName kScopeGroups{"scopeLogs", "scope_logs"};
  static constexpr FieldName kItems{"logRecords", "log_records"};
  static std::vector<Item>& items(Batch& batch) { return batch.records; }
};

struct SpansSignal {
  using Item = Span;
  using Batch = SpanBatch;
  static constexpr FieldName kResourceGroups{"resourceSpans", "resource_spans"};
  static constexpr FieldName kScopeGroups{"scopeSpans", "scope_spans"};
  static constexpr FieldName kItems{"spans", "spans"};
  static std::vector<Item>& items(Batch& batch) { return batch.spans; }
};

// The state both decoders share (each derives from it): the options, the report, the path,
// the structural error, and the rejection of the item being decoded.
class DecodeContext {
 public:
  // The structural error after a decode returned false.
  const Status& error() const { return error_; }

 protected:
  DecodeContext(const DecodeOptions& options, DecodeReport* report)
      : options_(options), report_(report) {}

  // Records a structural error at the current path; always returns false.
  bool fail(std::string_view what);
  // Marks the item being decoded as rejected (the first reason is kept).
  void reject_current(std::string reason);
  // Starts an item: nothing rejects it yet.
  void begin_item() { reject_reason_.clear(); }
  // Keeps or rejects the item just decoded, the last one of `items`.
  template <typename Item>
  void finish_item(std::vector<Item>* items);

  const DecodeOptions& options_;
  DecodeReport* report_;
  DecodePath path_;
  Status error_;

 private:
  // The rules applied to an item once all its fields are read: a log record without an
  // observed time gets options.observed_now; a span without a trace or span id is rejected.
  void complete_item(LogRecord* rec);
  void complete_item(Span* span);

  std::string reject_reason_;  // non-empty while the current item is to be rejected
};

inline void DecodeContext::complete_item(LogRecord* rec) {
  if (rec->observed_time_unix_nano == 0) rec->observed_time_unix_nano = options_.observed_now;
}

// Runs after the fields, so a malformed id reported there is the reason kept (the first wins).
inline void DecodeContext::complete_item(Span* span) {
  if (!span->trace_id.present()) reject_current("missing trace_id");
  if (!span->span_id.present()) reject_current("missing span_id");
}

template <typename Item>
void DecodeContext::finish_item(std::vector<Item>* items) {
  complete_item(&items->back());
  if (reject_reason_.empty()) return;
  report_->reject(std::move(reject_reason_));
  reject_reason_.clear();
  items->pop_back();
}

// Decodes `input` (the bytes, or the parsed JSON root) as an export request of Signal with a
// Decoder (ProtoDecoder or JsonDecoder): the batch, or the structural error. A null `report`
// leaves rejections uncounted.
template <typename Decoder, typename Signal, typename Input>
Result<typename Signal::Batch> decode_request(Input input, const DecodeOptions& options,
                                              DecodeReport* report) {
  DecodeReport ignored;
  Decoder decoder(options, report != nullptr ? report : &ignored);
  typename Signal::Batch batch;
  if (!decoder.template request<Signal>(input, &batch)) return decoder.error();
  return batch;
}

}  // namespace weft::otlp
