// flush_memtable: writes a frozen memtable into parts, one per (tenant, day, signal).
//
// Each part is written under its temporary name, synced and renamed (PartWriter); nothing is
// added to a manifest here. On failure the parts already written by this call are removed and
// the error is returned: the memtable's data is still in the WAL, and the flush can be retried.
//
// Thread safety: the memtable must no longer be added to; any thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/status.h"
#include "model/stream.h"
#include "storage/engine/manifest.h"
#include "storage/fs/fs.h"
#include "storage/memstore/mem_store.h"
#include "storage/part/part_writer.h"

namespace weft::storage {

struct FlushTarget {
  std::shared_ptr<Fs> fs;
  std::filesystem::path data_dir;
  const StreamIdentity* identity = nullptr;
  PartWriterOptions writer;
};

// The new parts' manifest entries, named with ids taken from *next_part_id.
Result<std::vector<ManifestPart>> flush_memtable(const MemStore& memtable, const FlushTarget& target,
                                                 std::atomic<uint64_t>* next_part_id);

}  // namespace weft::storage
