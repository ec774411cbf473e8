// The answer to a bulk request, as Elasticsearch gives it:
//
//   {"took":3,"errors":false,"items":[
//     {"create":{"_index":"logs","_id":"<20 chars>","_version":1,"result":"created",
//                "_shards":{"total":1,"successful":1,"failed":0},"_seq_no":7,
//                "_primary_term":1,"status":201}},
//     {"index":{"_index":"logs","_id":null,"status":400,
//               "error":{"type":"document_parsing_exception","reason":"..."}}}]}
//
// It is written in two steps: everything after "took" before the records are stored (on the
// io thread), then the whole answer once they are durable (one copy of the items; no
// formatting on the store's thread). A stored document without an _id of its own gets a fresh
// one (20 URL-safe base64 characters, unique within the process); _seq_no counts up across
// the process.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/elastic/bulk_request.h"

namespace weft::ingest::elastic {

// The answer after "took": ,"errors":..,"items":[..]} (errors: whether any item failed).
std::string bulk_response_rest(const std::vector<BulkItem>& items);

// The whole answer: {"took":<ms> followed by `rest`.
std::string bulk_response(uint64_t took_ms, std::string_view rest);

// A fresh document id: 15 bytes (milliseconds since the epoch, then a counter scrambled with a
// per-process random key) in URL-safe base64 without padding.
std::string new_document_id();
// The same, appended to `out` without allocating.
void append_document_id(std::string& out);

}  // namespace weft::ingest::elastic
