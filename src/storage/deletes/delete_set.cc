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

}  // namespace weft::storage
