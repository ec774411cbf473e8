#include "storage/deletes/delete_request.h"

namespace weft::storage {

std::string_view delete_status_name(DeleteStatus s) {
  return s == DeleteStatus::kProcessed ? "processed" : "received";
}

bool DeleteRequest::covers_line(const LogRecord& r) const {
  if (selector.line_contains.empty()) return true;
  if (const std::string* text = r.body.as_string()) return selector.matches_line(*text);
  return selector.matches_line(any_value_to_text(r.body));
}

bool DeleteRequest::may_cover(std::string_view t, part_format::Signal sig, UnixNanos min_time,
                              UnixNanos max_time) const {
  return t == tenant && sig == signal && max_time >= start && min_time <= end;
}

Result<DeleteRequest> make_delete_request(const DeleteRequestSpec& spec, uint64_t id,
                                          UnixNanos created_at) {
  if (spec.tenant.empty()) return Status::invalid("delete request: no tenant");
  if (spec.end < spec.start) return Status::invalid("delete request: end is before start");
  auto selector = parse_label_selector(spec.query);
  if (!selector.is_ok()) return selector.status();
  DeleteRequest r;
  r.id = id;
  r.tenant = spec.tenant;
  r.signal = spec.signal;
  r.start = spec.start;
  r.end = spec.end;
  r.query = spec.query;
  r.selector = std::move(*selector);
  r.created_at = created_at;
  return r;
}

}  // namespace weft::storage
