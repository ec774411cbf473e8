#include "storage/deletes/delete_set.h"

namespace weft::storage {

namespace pf = part_format;

bool DeleteSet::any_for(std::string_view tenant, pf::Signal signal) const {
  for (const DeleteRequest& r : requests_)
    if (r.tenant == tenant && r.signal == signal) return true;
  return false;
}

template <typename Row>
const DeleteRequest* DeleteSet::first_covering(std::string_view tenant, pf::Signal signal,
                                               const Row& row) const {
  for (const DeleteRequest& r : requests_)
    if (r.tenant == tenant && r.signal == signal && r.covers(row)) return &r;
  return nullptr;
}

const DeleteRequest* DeleteSet::covering(std::string_view tenant, const LogRecord& r) const {
  return first_covering(tenant, pf::Signal::kLogs, r);
}

const DeleteRequest* DeleteSet::covering(std::string_view tenant, const Span& s) const {
  return first_covering(tenant, pf::Signal::kSpans, s);
}

ColumnMask DeleteSet::widen(ColumnMask mask, std::string_view tenant, pf::Signal signal) const {
  for (const DeleteRequest& r : requests_) {
    if (r.tenant != tenant || r.signal != signal) continue;
    mask.add(pf::ColumnId::kResource);
    if (!r.selector.line_contains.empty())
      mask.add(signal == pf::Signal::kLogs ? pf::ColumnId::kBody : pf::ColumnId::kName);
  }
  return mask;
}

DeleteFilter::DeleteFilter(const DeleteSet& set, std::string_view tenant, pf::Signal signal) {
  for (const DeleteRequest& r : set.requests())
    if (r.tenant == tenant && r.signal == signal) requests_.push_back(&r);
}

template <typename Row>
bool DeleteFilter::covers_row(const Row& row) {
  if (!last_ || row.resource != last_) {
    last_ = row.resource;
    selected_.clear();
    for (const DeleteRequest* r : requests_)
      if (r->selector.matches_labels(last_.get())) selected_.push_back(r);
  }
  for (const DeleteRequest* r : selected_)
    if (r->in_range(row) && r->covers_line(row)) return true;
  return false;
}

bool DeleteFilter::covers(const LogRecord& r) { return covers_row(r); }
bool DeleteFilter::covers(const Span& s) { return covers_row(s); }

}  // namespace weft::storage
