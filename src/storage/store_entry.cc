#include "storage/store_entry.h"

#include "otlp/otlp_decode.h"
#include "otlp/otlp_encode.h"
#include "storage/wal/wal_format.h"

namespace weft::storage {

namespace {

std::string encode_entry(Signal signal, const std::string& tenant, const std::string& proto) {
  std::string out;
  out.reserve(kStoreEntryHeaderSize + tenant.size() + proto.size());
  out.push_back(static_cast<char>(kStoreEntryVersion));
  out.push_back(static_cast<char>(signal));
  char length[4];
  wal_format::put_u32(length, static_cast<uint32_t>(tenant.size()));
  out.append(length, sizeof(length));
  out += tenant;
  out += proto;
  return out;
}

Status decode_payload(Signal signal, std::string_view proto, DecodedEntry* out) {
  otlp::DecodeOptions options;  // observed_now 0: keep the stored times as they are
  otlp::DecodeReport report;
  if (signal == Signal::kLogs) {
    Result<LogBatch> batch = otlp::decode_logs_proto(proto, options, &report);
    if (!batch.is_ok()) return Status::corruption("store entry: " + batch.status().message());
    out->logs.records = std::move(batch->records);
  } else {
    Result<SpanBatch> batch = otlp::decode_spans_proto(proto, options, &report);
    if (!batch.is_ok()) return Status::corruption("store entry: " + batch.status().message());
    out->spans.spans = std::move(batch->spans);
  }
  out->rejected = report.rejected;
  return Status::ok();
}

}  // namespace

std::string encode_log_entry(const LogBatch& batch) {
  return encode_entry(Signal::kLogs, batch.tenant, otlp::encode_logs_proto(batch));
}

std::string encode_span_entry(const SpanBatch& batch) {
  return encode_entry(Signal::kSpans, batch.tenant, otlp::encode_spans_proto(batch));
}

Result<DecodedEntry> decode_store_entry(std::string_view entry) {
  if (entry.size() < kStoreEntryHeaderSize) return Status::corruption("store entry: too short");
  if (static_cast<uint8_t>(entry[0]) != kStoreEntryVersion)
    return Status::corruption("store entry: unknown version " + std::to_string(uint8_t(entry[0])));
  auto signal = static_cast<Signal>(entry[1]);
  if (signal != Signal::kLogs && signal != Signal::kSpans)
    return Status::corruption("store entry: unknown signal " + std::to_string(uint8_t(entry[1])));
  uint32_t tenant_size = wal_format::get_u32(entry.data() + 2);
  if (tenant_size > entry.size() - kStoreEntryHeaderSize)
    return Status::corruption("store entry: tenant length past end");
  DecodedEntry out;
  out.signal = signal;
  std::string tenant(entry.substr(kStoreEntryHeaderSize, tenant_size));
  WEFT_RETURN_IF_ERROR(decode_payload(signal, entry.substr(kStoreEntryHeaderSize + tenant_size), &out));
  (signal == Signal::kLogs ? out.logs.tenant : out.spans.tenant) = std::move(tenant);
  return out;
}

}  // namespace weft::storage
