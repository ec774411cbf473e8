// ElasticError: an error in the shape Elasticsearch answers with, for a request refused as a
// whole:
//
//   {"error":{"root_cause":[{"type":T,"reason":R}],"type":T,"reason":R},"status":S}
//
// and the exception type names weft uses (clients read `status`; `type` tells a person what
// went wrong).
#pragma once

#include <string>
#include <string_view>

namespace weft::ingest::elastic {

// A malformed request: a bad action line, a missing document line, bad parameters.
inline constexpr std::string_view kIllegalArgument = "illegal_argument_exception";
// A request that cannot be valid: no actions, no index.
inline constexpr std::string_view kValidationFailed = "action_request_validation_exception";
// A document (the line after an index or create action) that cannot be stored.
inline constexpr std::string_view kDocumentParsing = "document_parsing_exception";
// Backpressure: retry later (429).
inline constexpr std::string_view kRejectedExecution = "es_rejected_execution_exception";
// Not serving writes yet or any more: weft is starting or stopping (503).
inline constexpr std::string_view kClusterBlock = "cluster_block_exception";
// An unsupported Content-Type (406).
inline constexpr std::string_view kMediaType = "media_type_header_exception";
// A request without valid credentials (401) or with a token that may not do this (403).
inline constexpr std::string_view kSecurityException = "security_exception";
// A body over the size limit (413).
inline constexpr std::string_view kContentTooLong = "content_too_long_exception";
// A failure of weft itself (500).
inline constexpr std::string_view kInternal = "exception";

struct ElasticError {
  int status = 400;
  std::string type;
  std::string reason;
};

// The error body above.
std::string elastic_error_body(const ElasticError& error);

}  // namespace weft::ingest::elastic
