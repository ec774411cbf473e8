// The answer to a bulk request, as Elasticsearch gives it (its members in another order, which
// JSON readers do not see):
//
//   {"errors":false,"items":[
//     {"create":{"_index":"logs","_id":"<20 chars>","_version":1,"result":"created",
//                "_shards":{"total":1,"successful":1,"failed":0},"_seq_no":7,
//                "_primary_term":1,"status":201}},
//     {"index":{"_index":"logs","_id":null,"status":400,
//               "error":{"type":"document_parsing_exception","reason":"..."}}}],"took":3}
//
// It is written in two steps: everything but "took" before the records are stored (on the io
// thread), then "took" appended once they are durable, so the store's callback (on the WAL
// thread) neither formats nor copies the items. A stored document without an _id of its own
// gets a fresh one (20 URL-safe base64 characters, unique within the process); _seq_no counts
// up across the process.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/elastic/bulk_request.h"

namespace weft::ingest::elastic {

// The answer without its end: {"errors":..,"items":[..] (errors: whether any item failed).
std::string bulk_response_start(const std::vector<BulkItem>& items);

// Completes an answer begun by bulk_response_start() with ,"took":<ms>}.
void finish_bulk_response(std::string* response, uint64_t took_ms);

// A fresh document id: 15 bytes (milliseconds since the epoch, then a counter scrambled with a
// per-process random key) in URL-safe base64 without padding.
std::string new_document_id();
// The same, appended to `out` without allocating.
void append_document_id(std::string& out);

}  // namespace weft::ingest::elastic
