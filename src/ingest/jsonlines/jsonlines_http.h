// POST /api/v1/push/jsonlines conventions (docs/api.md): a body of JSON lines is decoded line
// by line; bad lines are reported by number and the good ones kept (partial acceptance).
//
//   every line good (or none at all)   204, no body
//   some lines bad                      200 {"accepted":N,"rejected":M,"errors":[{"line":3,
//                                            "error":"malformed JSON: ..."}, ...]}
//   every line bad                      400 {"error":"line 1: ...","accepted":0,"rejected":M,
//                                            "errors":[...]}
// "errors" lists the first kMaxReportedErrors bad lines; line numbers count from 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/jsonlines/jsonlines_decoder.h"

namespace weft::ingest {

struct JsonLinesLineError {
  uint64_t line = 0;  // 1-based
  std::string message;
};

struct JsonLinesReport {
  static constexpr size_t kMaxReportedErrors = 10;

  uint64_t accepted = 0;                   // records decoded
  uint64_t rejected = 0;                   // lines rejected
  std::vector<JsonLinesLineError> errors;  // the first kMaxReportedErrors
};

// Decodes every line of `body` (LF-separated, CR LF accepted, the last line may lack its LF).
LogBatch decode_json_lines_body(std::string_view body, JsonLinesDecoder& decoder, UnixNanos now,
                                JsonLinesReport* report);

// The 200 body of a partly accepted request, and the 400 body of a wholly rejected one.
std::string json_lines_partial_body(const JsonLinesReport& report);
std::string json_lines_error_body(const JsonLinesReport& report);

}  // namespace weft::ingest
