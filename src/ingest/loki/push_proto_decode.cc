// decode_push_proto(): logproto.PushRequest, read with the zero-copy ProtoReader.
#include <vector>

#include "ingest/loki/push_decode.h"
#include "otlp/proto_reader.h"

namespace weft::ingest::loki {

namespace {

using otlp::ProtoReader;
using otlp::WireField;
using otlp::WireType;

// Field numbers of push.proto (see push_decode.h).
namespace field {
constexpr uint32_t kRequestStreams = 1;
constexpr uint32_t kStreamLabels = 1;
constexpr uint32_t kStreamEntries = 2;
constexpr uint32_t kEntryTimestamp = 1;
constexpr uint32_t kEntryLine = 2;
constexpr uint32_t kEntryStructuredMetadata = 3;
constexpr uint32_t kPairName = 1;
constexpr uint32_t kPairValue = 2;
constexpr uint32_t kTimestampSeconds = 1;
constexpr uint32_t kTimestampNanos = 2;
}  // namespace field

// "proto: wrong wireType = 0 for field Labels", as Go's generated decoders say it.
Status wrong_wire_type(const WireField& f, const char* name) {
  return Status::invalid("proto: wrong wireType = " + std::to_string(static_cast<int>(f.type)) +
                         " for field " + name);
}

Status check_type(const WireField& f, WireType want, const char* name) {
  return f.type == want ? Status::ok() : wrong_wire_type(f, name);
}

// The error of a reader that stopped early, or OK at the clean end of its message.
Status reader_status(const ProtoReader& r, const char* message) {
  if (!r.failed()) return Status::ok();
  return Status::invalid(std::string("proto: ") + message + ": " + r.error());
}

class ProtoPushDecoder {
 public:
  explicit ProtoPushDecoder(PushBuilder& builder) : builder_(builder) {}

  Status request(std::string_view bytes);

 private:
  Status stream(std::string_view bytes);
  Status stream_labels(std::string_view bytes, std::string_view* labels, size_t* entries);
  Status entry(std::string_view bytes);
  Status timestamp(std::string_view bytes, UnixNanos* out);
  Status label_pair(std::string_view bytes);

  PushBuilder& builder_;
  std::vector<MetadataPair> metadata_;  // of the entry being read; reused
};

Status ProtoPushDecoder::request(std::string_view bytes) {
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    if (f.number != field::kRequestStreams) continue;
    WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Streams"));
    WEFT_RETURN_IF_ERROR(stream(f.bytes));
  }
  return reader_status(r, "PushRequest");
}

// Two passes: the labels first (they may come after the entries), then the entries.
Status ProtoPushDecoder::stream(std::string_view bytes) {
  std::string_view labels;
  size_t entries = 0;
  WEFT_RETURN_IF_ERROR(stream_labels(bytes, &labels, &entries));
  builder_.begin_stream(parse_prometheus_labels(labels), labels);
  builder_.reserve(entries);
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f))
    if (f.number == field::kStreamEntries) WEFT_RETURN_IF_ERROR(entry(f.bytes));
  builder_.end_stream();
  return Status::ok();
}

// The labels (the last occurrence wins, as in protobuf) and the number of entries; checks
// the stream's structure, so the second pass cannot fail on it.
Status ProtoPushDecoder::stream_labels(std::string_view bytes, std::string_view* labels,
                                       size_t* entries) {
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    if (f.number == field::kStreamLabels) {
      WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Labels"));
      *labels = f.bytes;
    } else if (f.number == field::kStreamEntries) {
      WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Entries"));
      ++*entries;
    }
  }
  return reader_status(r, "StreamAdapter");
}

Status ProtoPushDecoder::entry(std::string_view bytes) {
  metadata_.clear();
  UnixNanos time = 0;
  std::string_view line;
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    switch (f.number) {
      case field::kEntryTimestamp:
        WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Timestamp"));
        WEFT_RETURN_IF_ERROR(timestamp(f.bytes, &time));
        break;
      case field::kEntryLine:
        WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Line"));
        line = f.bytes;
        break;
      case field::kEntryStructuredMetadata:
        WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "StructuredMetadata"));
        WEFT_RETURN_IF_ERROR(label_pair(f.bytes));
        break;
      default: break;  // `parsed` (4) is filled in by Loki's queriers, never pushed
    }
  }
  WEFT_RETURN_IF_ERROR(reader_status(r, "EntryAdapter"));
  builder_.add_entry(time, line, metadata_);
  return Status::ok();
}

Status ProtoPushDecoder::timestamp(std::string_view bytes, UnixNanos* out) {
  int64_t seconds = 0;
  int32_t nanos = 0;
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    if (f.number == field::kTimestampSeconds) {
      WEFT_RETURN_IF_ERROR(check_type(f, WireType::kVarint, "Seconds"));
      seconds = static_cast<int64_t>(f.scalar);
    } else if (f.number == field::kTimestampNanos) {
      WEFT_RETURN_IF_ERROR(check_type(f, WireType::kVarint, "Nanos"));
      nanos = static_cast<int32_t>(static_cast<uint32_t>(f.scalar));  // int32: low 32 bits
    }
  }
  WEFT_RETURN_IF_ERROR(reader_status(r, "Timestamp"));
  *out = timestamp_nanos(seconds, nanos);
  return Status::ok();
}

Status ProtoPushDecoder::label_pair(std::string_view bytes) {
  MetadataPair pair;
  ProtoReader r(bytes);
  WireField f;
  while (r.next(&f)) {
    if (f.number == field::kPairName) {
      WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Name"));
      pair.name = f.bytes;
    } else if (f.number == field::kPairValue) {
      WEFT_RETURN_IF_ERROR(check_type(f, WireType::kLen, "Value"));
      pair.value = f.bytes;
    }
  }
  WEFT_RETURN_IF_ERROR(reader_status(r, "LabelPairAdapter"));
  metadata_.push_back(pair);
  return Status::ok();
}

}  // namespace

Status decode_push_proto(std::string_view proto, PushBuilder& builder) {
  return ProtoPushDecoder(builder).request(proto);
}

}  // namespace weft::ingest::loki
