// DeleteSet: the accepted delete requests as the read path and merges apply them: an immutable
// snapshot, shared by every StoreView published after it (a new request publishes a new set).
//
// Thread safety: immutable; share freely.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "storage/deletes/delete_request.h"
#include "storage/part/column_mask.h"

namespace weft::storage {

class DeleteSet {
 public:
  explicit DeleteSet(std::vector<DeleteRequest> requests) : requests_(std::move(requests)) {}

  const std::vector<DeleteRequest>& requests() const { return requests_; }

  // Whether any request applies to this tenant and signal (the read path's fast exit).
  bool any_for(std::string_view tenant, part_format::Signal signal) const;
  // The first request that covers the row, or nullptr.
  const DeleteRequest* covering(std::string_view tenant, const LogRecord& r) const;
  const DeleteRequest* covering(std::string_view tenant, const Span& s) const;
  // `mask` widened by the columns the requests of this tenant and signal test.
  ColumnMask widen(ColumnMask mask, std::string_view tenant, part_format::Signal signal) const;

 private:
  template <typename Row>
  const DeleteRequest* first_covering(std::string_view tenant, part_format::Signal signal,
                                      const Row& row) const;
  std::vector<DeleteRequest> requests_;
};

// DeleteFilter: a DeleteSet narrowed to one tenant and signal for one scan. Rows of a block
// share their Resource, so it remembers which requests' label matchers select the last
// resource seen (holding it, so its address cannot be reused) and tests only the time range
// and line filter of those per row.
//
// Thread safety: one per scan (it caches); the DeleteSet must outlive it.
class DeleteFilter {
 public:
  DeleteFilter(const DeleteSet& set, std::string_view tenant, part_format::Signal signal);

  bool covers(const LogRecord& r);
  bool covers(const Span& s);

 private:
  template <typename Row>
  bool covers_row(const Row& row);

  std::vector<const DeleteRequest*> requests_;  // of the tenant and signal
  ResourcePtr last_;
  std::vector<const DeleteRequest*> selected_;  // requests whose matchers select last_
};

}  // namespace weft::storage
