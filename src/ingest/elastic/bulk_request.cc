#include "ingest/elastic/bulk_request.h"

#include <algorithm>
#include <cstring>

#include "ingest/elastic/bulk_action.h"
#include "ingest/elastic/ecs_document.h"
#include "ingest/json/line_reader.h"
#include "ingest/json/resource_cache.h"

namespace weft::ingest::elastic {

namespace {

constexpr size_t kMaxReservedItems = 10'000;

constexpr std::string_view kUnsupportedOp =
    "weft stores logs append-only: the update and delete actions are not supported";

// The newlines in `text`.
size_t count_lines(std::string_view text) {
  size_t lines = 0;
  for (size_t pos = 0; pos < text.size(); ++pos, ++lines) {
    const void* newline = std::memchr(text.data() + pos, '\n', text.size() - pos);
    if (!newline) break;
    pos = static_cast<size_t>(static_cast<const char*>(newline) - text.data());
  }
  return lines;
}

// One decode: the state shared by the steps of a request.
class BulkDecoder {
 public:
  BulkDecoder(std::string_view body, const BulkOptions& options)
      : body_(body), lines_(body), options_(options) {}

  BulkRequest run();

 private:
  // Handles the action on `line`; false when the request is refused as a whole.
  bool action(std::string_view line);
  Result<BulkAction> parse_action(std::string_view line, size_t number);
  void document(const BulkAction& action, std::string_view index, std::string_view line);
  void refuse(std::string_view type, std::string reason);
  // Parses one line. simdjson copies it into the parser's own padded buffer, reused from line
  // to line (cheaper than a padded copy of a whole body: no large allocation to fault in).
  simdjson::error_code parse(std::string_view line, JsonValue* out) {
    return parser_.parse(line.data(), line.size(), true).get(*out);
  }

  std::string_view body_;
  LineReader lines_;
  const BulkOptions& options_;
  simdjson::dom::parser parser_;
  ResourceCache resources_;
  BulkRequest request_;
  std::string last_action_line_;  // the last action line without an _id, and its action
  BulkAction last_action_;
};

BulkRequest BulkDecoder::run() {
  // About one action and one document per two lines: no regrowth of the record vector for
  // usual batches (capped: a body of blank lines must not reserve gigabytes).
  size_t expected = std::min<size_t>(count_lines(body_) / 2 + 1, kMaxReservedItems);
  request_.items.reserve(expected);
  request_.batch.records.reserve(expected);
  std::string_view line;
  while (lines_.next(&line)) {
    if (is_blank_line(line)) continue;
    if (!action(line)) return std::move(request_);
  }
  if (request_.items.empty()) refuse(kValidationFailed, "the request holds no bulk actions");
  return std::move(request_);
}

bool BulkDecoder::action(std::string_view line) {
  size_t number = lines_.line_number();
  auto action = parse_action(line, number);
  if (!action.is_ok()) {
    refuse(kIllegalArgument, action.status().message());
    return false;
  }
  std::string_view index = action->index.empty() ? options_.default_index : action->index;
  if (index.empty()) {
    refuse(kValidationFailed, "action/metadata line [" + std::to_string(number) +
                                  "] names no index, and the path gives none");
    return false;
  }
  std::string_view source;
  if (bulk_op_has_document(action->op) && !lines_.next(&source)) {
    refuse(kIllegalArgument, "action/metadata line [" + std::to_string(number) +
                                 "] is not followed by a document line");
    return false;
  }
  document(*action, index, source);
  return true;
}

// Clients repeat the same action line ({"create":{"_index":"logs"}}) before every document:
// a line equal to the previous one (without an _id) is not parsed again.
Result<BulkAction> BulkDecoder::parse_action(std::string_view line, size_t number) {
  if (!last_action_line_.empty() && line == last_action_line_) return last_action_;
  JsonValue value;
  if (auto err = parse(line, &value); err != simdjson::SUCCESS)
    return Status::invalid("malformed action/metadata line [" + std::to_string(number) +
                           "]: " + simdjson::error_message(err));
  auto action = parse_bulk_action(value, number);
  if (action.is_ok() && action->id.empty()) {
    last_action_line_.assign(line);
    last_action_ = *action;
  }
  return action;
}

void BulkDecoder::document(const BulkAction& action, std::string_view index,
                           std::string_view line) {
  BulkItem& item = request_.items.emplace_back();
  item.op = action.op;
  item.index.assign(index);
  item.id = action.id;
  auto fail = [&](std::string_view type, std::string reason) {
    item.status = 400;
    item.error_type.assign(type);
    item.error_reason = std::move(reason);
  };
  if (action.op == BulkOp::kUpdate || action.op == BulkOp::kDelete)
    return fail(kIllegalArgument, std::string(kUnsupportedOp));
  JsonValue value;
  if (auto err = parse(line, &value); err != simdjson::SUCCESS)
    return fail(kDocumentParsing, "line [" + std::to_string(lines_.line_number()) +
                                      "]: malformed JSON: " + simdjson::error_message(err));
  DocumentContext context{item.index, item.id, options_.observed_now};
  LogRecord& record = request_.batch.records.emplace_back();
  Status status = decode_ecs_document(value, context, resources_, &record);
  if (status.is_ok()) return;
  request_.batch.records.pop_back();
  fail(kDocumentParsing, "line [" + std::to_string(lines_.line_number()) + "]: " +
                             status.message());
}

void BulkDecoder::refuse(std::string_view type, std::string reason) {
  request_.error = ElasticError{400, std::string(type), std::move(reason)};
  request_.batch.records.clear();
  request_.items.clear();
}

}  // namespace

std::string_view bulk_op_name(BulkOp op) {
  switch (op) {
    case BulkOp::kIndex: return "index";
    case BulkOp::kCreate: return "create";
    case BulkOp::kUpdate: return "update";
    case BulkOp::kDelete: return "delete";
  }
  return "index";
}

size_t BulkRequest::failed_items() const {
  return static_cast<size_t>(
      std::count_if(items.begin(), items.end(), [](const BulkItem& i) { return !i.ok(); }));
}

BulkRequest decode_bulk_request(std::string_view body, const BulkOptions& options) {
  return BulkDecoder(body, options).run();
}

}  // namespace weft::ingest::elastic
