#include "storage/engine/live_part.h"

namespace weft::storage {

std::vector<const LivePart*> StoreView::parts_of(std::string_view tenant,
                                                 part_format::Signal signal, UnixNanos start,
                                                 UnixNanos end) const {
  std::vector<const LivePart*> out;
  for (const LivePart& p : parts) {
    if (p.entry.tenant != tenant || p.entry.signal != signal) continue;
    if (p.entry.max_time < start || p.entry.min_time > end) continue;
    out.push_back(&p);
  }
  return out;
}

}  // namespace weft::storage
