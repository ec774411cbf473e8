// PartReader: an open part. Checks the part's metadata when opened, then reads index groups,
// column chunks and bloom filters on demand, each verified against its checksum.
//
// open() reads meta.bin and streams.bin whole and verifies them (magic, version, checksums,
// structure) and that the other files have the sizes meta.bin records. Everything else is
// checked when it is read: a flipped bit anywhere in a part is reported as kCorruption with
// the file and the offset, never returned as data. verify() reads and checks everything.
//
// Reading rows goes through a BlockCursor (block_cursor.h), which prunes blocks and decodes
// only the columns asked for.
//
// Thread safety: immutable after open(); every method may be called from any thread (reads are
// preads). Share it as a shared_ptr; cursors keep it alive.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/fs/fs.h"
#include "storage/part/block_header.h"
#include "storage/part/part_meta.h"

namespace weft::storage {

class PartReader {
 public:
  static Result<std::shared_ptr<const PartReader>> open(const std::filesystem::path& dir,
                                                        std::shared_ptr<Fs> fs = nullptr);

  const std::filesystem::path& dir() const { return dir_; }
  const PartMeta& meta() const { return meta_; }
  // The part's streams, sorted by id, with their labels and row counts.
  const std::vector<PartStream>& streams() const { return streams_; }
  const PartStream* find_stream(const StreamId& id) const;

  // Index group g (0 <= g < meta().groups.size()), read, verified and decoded.
  Result<std::vector<BlockHeader>> read_index_group(size_t g) const;
  // The raw vector of a chunk-stored column, read, verified and decompressed.
  Result<std::string> read_chunk(const ColumnHeader& column) const;
  // A bloom filter, read and verified.
  Result<std::string> read_bloom(const BloomRef& bloom) const;

  // Reads every index group, chunk and bloom filter and checks every checksum and structure.
  Status verify() const;

 private:
  PartReader() = default;
  Status load(const std::filesystem::path& dir, Fs& fs);
  Status load_streams(Fs& fs);
  Status check_groups() const;
  Result<std::string> read_checked(const ReadableFile& file, uint64_t offset, uint64_t size, uint32_t checksum,
                                   std::string_view what) const;
  Status corrupt(const ReadableFile& file, uint64_t offset, std::string_view what) const;

  std::filesystem::path dir_;
  PartMeta meta_;
  std::vector<PartStream> streams_;
  std::unique_ptr<ReadableFile> index_, columns_, blooms_;
};

}  // namespace weft::storage
