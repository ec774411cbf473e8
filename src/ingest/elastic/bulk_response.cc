#include "ingest/elastic/bulk_response.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <random>

#include "common/json_writer.h"

namespace weft::ingest::elastic {

namespace {

std::atomic<uint64_t> next_seq_no{0};

// A bijection of uint64 (splitmix64's finaliser): distinct counters give distinct outputs.
uint64_t scramble(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

uint64_t process_key() {
  static const uint64_t key = [] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }();
  return key;
}

void append_number(std::string& out, uint64_t n) {
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

void append_stored(std::string& out, uint64_t seq_no) {
  out += ",\"_version\":1,\"result\":\"created\",";
  out += "\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":";
  append_number(out, seq_no);
  out += ",\"_primary_term\":1,\"status\":201";
}

void append_refused(std::string& out, const BulkItem& item) {
  out += ",\"status\":";
  append_number(out, static_cast<uint64_t>(item.status));
  out += ",\"error\":{\"type\":";
  append_json_string(out, item.error_type);
  out += ",\"reason\":";
  append_json_string(out, item.error_reason);
  out += '}';
}

void append_item(std::string& out, const BulkItem& item, uint64_t* seq_no) {
  out += "{\"";
  out += bulk_op_name(item.op);
  out += "\":{\"_index\":";
  append_json_string(out, item.index);
  out += ",\"_id\":";
  if (!item.id.empty()) {
    append_json_string(out, item.id);
  } else if (item.ok()) {
    out += '"';
    append_document_id(out);
    out += '"';
  } else {
    out += "null";
  }
  if (item.ok()) append_stored(out, (*seq_no)++);
  else append_refused(out, item);
  out += "}}";
}

constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// 15 bytes as 20 URL-safe base64 characters (no padding needed: 15 is a multiple of 3).
void append_base64url_15(std::string& out, const uint8_t (&raw)[15]) {
  for (int i = 0; i < 15; i += 3) {
    uint32_t triple = uint32_t{raw[i]} << 16 | uint32_t{raw[i + 1]} << 8 | raw[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) out += kBase64Url[(triple >> shift) & 63];
  }
}

}  // namespace

void append_document_id(std::string& out) {
  static std::atomic<uint64_t> counter{0};
  uint64_t millis = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count());
  uint64_t unique = scramble(counter.fetch_add(1, std::memory_order_relaxed) ^ process_key());
  uint8_t raw[15];
  for (int i = 0; i < 6; ++i) raw[i] = static_cast<uint8_t>(millis >> (8 * (5 - i)));
  for (int i = 0; i < 8; ++i) raw[6 + i] = static_cast<uint8_t>(unique >> (8 * i));
  raw[14] = static_cast<uint8_t>(process_key() >> 56);
  append_base64url_15(out, raw);
}

std::string new_document_id() {
  std::string id;
  id.reserve(20);
  append_document_id(id);
  return id;
}

std::string bulk_response_rest(const std::vector<BulkItem>& items) {
  size_t stored = 0;
  for (const BulkItem& item : items) stored += item.ok();
  uint64_t seq_no = next_seq_no.fetch_add(stored, std::memory_order_relaxed);
  std::string out;
  out.reserve(items.size() * 200 + 32);
  out += stored == items.size() ? ",\"errors\":false,\"items\":[" : ",\"errors\":true,\"items\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_item(out, items[i], &seq_no);
  }
  out += "]}";
  return out;
}

std::string bulk_response(uint64_t took_ms, std::string_view rest) {
  std::string out;
  out.reserve(rest.size() + 32);
  out += "{\"took\":";
  append_number(out, took_ms);
  out += rest;
  return out;
}

}  // namespace weft::ingest::elastic
