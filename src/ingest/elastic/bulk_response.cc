#include "ingest/elastic/bulk_response.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <random>

#include "common/base64.h"
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
  if (!item.id.empty()) append_json_string(out, item.id);
  else if (item.ok()) append_json_string(out, new_document_id());
  else out += "null";
  if (item.ok()) append_stored(out, (*seq_no)++);
  else append_refused(out, item);
  out += "}}";
}

}  // namespace

std::string new_document_id() {
  static std::atomic<uint64_t> counter{0};
  uint64_t millis = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count());
  uint64_t unique = scramble(counter.fetch_add(1, std::memory_order_relaxed) ^ process_key());
  char raw[15];
  for (int i = 0; i < 6; ++i) raw[i] = static_cast<char>(millis >> (8 * (5 - i)));
  for (int i = 0; i < 8; ++i) raw[6 + i] = static_cast<char>(unique >> (8 * i));
  raw[14] = static_cast<char>(process_key() >> 56);
  std::string id = base64_encode(std::string_view(raw, sizeof raw));  // 20 chars, no padding
  for (char& c : id) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return id;
}

std::string bulk_response_items(const std::vector<BulkItem>& items) {
  size_t stored = 0;
  for (const BulkItem& item : items) stored += item.ok();
  uint64_t seq_no = next_seq_no.fetch_add(stored, std::memory_order_relaxed);
  std::string out;
  out.reserve(items.size() * 200 + 2);
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_item(out, items[i], &seq_no);
  }
  out += ']';
  return out;
}

std::string bulk_response_body(uint64_t took_ms, bool errors, std::string_view items_json) {
  std::string out;
  out.reserve(items_json.size() + 48);
  out += "{\"took\":";
  append_number(out, took_ms);
  out += errors ? ",\"errors\":true,\"items\":" : ",\"errors\":false,\"items\":";
  out += items_json;
  out += '}';
  return out;
}

}  // namespace weft::ingest::elastic
