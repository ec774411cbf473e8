// LivePart and StoreView: what a query reads. A StoreView is an immutable snapshot of the
// store's read side: the memtables (the active one, then frozen ones being flushed, newest
// first) and the live parts with their manifest entries. Queries take one with Store::view()
// and keep it for their duration: flushes and merges publish new views and never change an
// old one, so a query sees every acknowledged record exactly once (a frozen memtable leaves the
// view in the same step that adds the parts it was flushed into).
//
// Thread safety: immutable; share freely. The active memtable keeps changing (MemStore is
// thread-safe itself).
#pragma once

#include <memory>
#include <vector>

#include "storage/deletes/delete_set.h"
#include "storage/engine/manifest.h"
#include "storage/memstore/mem_store.h"
#include "storage/part/part_reader.h"

namespace weft::storage {

struct LivePart {
  ManifestPart entry;
  std::shared_ptr<const PartReader> reader;
};

struct StoreView {
  std::vector<std::shared_ptr<const MemStore>> memtables;  // newest first
  std::vector<LivePart> parts;                             // in manifest order
  // Accepted delete requests: scan_logs/scan_spans never return what they cover. Null = none.
  std::shared_ptr<const DeleteSet> deletes;

  // The parts of `tenant` holding `signal` whose time range meets [start, end].
  std::vector<const LivePart*> parts_of(std::string_view tenant, part_format::Signal signal,
                                        UnixNanos start, UnixNanos end) const;
};

}  // namespace weft::storage
