#include "ingest/splunk/hec_reply.h"

#include "common/json_writer.h"

namespace weft::ingest::splunk {

namespace {

struct CodeInfo {
  int http_status;
  std::string_view text;
};

CodeInfo code_info(HecCode code) {
  switch (code) {
    case HecCode::kSuccess: return {200, "Success"};
    case HecCode::kTokenRequired: return {401, "Token is required"};
    case HecCode::kInvalidAuthorization: return {401, "Invalid authorization"};
    case HecCode::kInvalidToken: return {403, "Invalid token"};
    case HecCode::kNoData: return {400, "No data"};
    case HecCode::kInvalidDataFormat: return {400, "Invalid data format"};
    case HecCode::kInternalError: return {500, "Internal server error"};
    case HecCode::kServerBusy: return {503, "Server is busy"};
    case HecCode::kEventFieldRequired: return {400, "Event field is required"};
    case HecCode::kEventFieldBlank: return {400, "Event field cannot be blank"};
    case HecCode::kIndexedFieldsError: return {400, "Error in handling indexed fields"};
    case HecCode::kHealthy: return {200, "HEC is healthy"};
    case HecCode::kUnhealthy: return {503, "HEC is unhealthy, queues are full"};
  }
  return {500, "Internal server error"};
}

}  // namespace

HecReply hec_reply(HecCode code, std::optional<size_t> invalid_event_number) {
  CodeInfo info = code_info(code);
  return HecReply{info.http_status, code, std::string(info.text), invalid_event_number};
}

std::string hec_reply_body(const HecReply& reply) {
  JsonWriter w;
  w.begin_object();
  w.key("text");
  w.value(reply.text);
  w.key("code");
  w.value(static_cast<int>(reply.code));
  if (reply.invalid_event_number) {
    w.key("invalid-event-number");
    w.value(static_cast<uint64_t>(*reply.invalid_event_number));
  }
  w.end_object();
  return w.take();
}

}  // namespace weft::ingest::splunk
