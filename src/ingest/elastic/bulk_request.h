// Decoding of an Elasticsearch bulk request (POST /_bulk, POST /<index>/_bulk): NDJSON lines,
// each action line followed by its document line (none for delete):
//
//   {"index":{"_index":"logs","_id":"a1"}}      or "create"; "_index"/"_id" optional
//   {"@timestamp":"2026-11-22T10:04:05Z","message":"...","log.level":"info",...}
//
// index and create actions store their document as a log record (mapped as docs/ingest.md,
// "Elasticsearch bulk", says). Each action gets an item in the response, in request order:
// 201 for a stored document, 400 for one that cannot be stored (not a JSON object, a bad
// @timestamp: the other documents are kept), and 400 for update and delete, which a log store
// does not do. A request that cannot be read as a whole (a malformed action line, an action
// without its document line, no index anywhere) is refused with an ElasticError and nothing of
// it is stored. Blank lines are skipped; the final newline is optional.
//
// Pure: no I/O. Thread-safe (each call has its own state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "ingest/elastic/elastic_error.h"
#include "model/log_record.h"

namespace weft::ingest::elastic {

enum class BulkOp : uint8_t { kIndex, kCreate, kUpdate, kDelete };

// "index", "create", "update", "delete"
std::string_view bulk_op_name(BulkOp op);

// The outcome of one action, for the response.
struct BulkItem {
  BulkOp op = BulkOp::kIndex;
  std::string index;
  std::string id;          // as the action gave it; "" when the server chooses one
  int status = 201;        // 201 stored; 4xx refused
  std::string error_type;  // when refused
  std::string error_reason;

  bool ok() const { return status < 300; }
};

struct BulkOptions {
  std::string_view default_index;  // the <index> of /<index>/_bulk; "" for /_bulk
  UnixNanos observed_now = 0;      // the observed time of every record
};

struct BulkRequest {
  LogBatch batch;                     // the stored documents; the tenant is left to the caller
  std::vector<BulkItem> items;        // one per action
  std::optional<ElasticError> error;  // set: refuse the request as a whole

  size_t failed_items() const;
};

BulkRequest decode_bulk_request(std::string_view body, const BulkOptions& options);

// The attributes every record of a bulk request carries: the index it was sent to, and the
// _id the action gave (none when the server chose it).
inline constexpr std::string_view kIndexAttribute = "elasticsearch.index";
inline constexpr std::string_view kIdAttribute = "elasticsearch.id";

}  // namespace weft::ingest::elastic
