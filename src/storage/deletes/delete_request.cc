#include "storage/deletes/delete_request.h"

namespace weft::storage {

std::string_view delete_status_name(DeleteStatus s) {
  return s == DeleteStatus::kProcessed ? "processed" : "received";
}

bool DeleteRequest::covers(const LogRecord& r) const {
  UnixNanos t = r.effective_time();
  if (t < start || t > end) return false;
  if (selector.line_contains.empty()) return selector.matches(r.resource.get(), {});
  const std::string* text = r.body.as_string();
  return selector.matches(r.resource.get(), text ? std::string_view(*text) : any_value_to_text(r.body));
}

bool DeleteRequest::covers(const Span& s) const {
  UnixNanos t = s.start_time_unix_nano;
  return t >= start && t <= end && selector.matches(s.resource.get(), s.name);
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
