// PartWriter: writes one immutable part (docs/format/part.md) from rows given in (stream, time)
// order, and write_log_part()/write_span_part(): the same from records in any order.
//
// Rows of one stream are cut into blocks of at most max_block_rows rows and about
// max_block_bytes estimated uncompressed bytes; a block never holds two streams and never spans
// two append calls. Each column of a block is encoded (column_builder.h), compressed with zstd
// when that pays, and gets a bloom filter of its tokens.
//
// Durability: the part is written in "<dir>.tmp" (a leftover one is removed first). finish()
// fsyncs every file and the directory, renames "<dir>.tmp" to "<dir>" and fsyncs the parent
// directory: once it returns OK the part is durable under its final name, and a crash at any
// earlier point leaves no directory named "<dir>" (only a "<dir>.tmp" to clean up). create()
// fails when "<dir>" exists. Destroying a writer before finish() removes "<dir>.tmp".
//
// Lifecycle: create() -> append_*()* -> finish(). After an error the writer is unusable.
// Thread safety: none; one thread uses a writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "common/status.h"
#include "model/log_record.h"
#include "model/span.h"
#include "model/stream.h"
#include "storage/fs/fs.h"
#include "storage/part/part_format.h"
#include "storage/part/part_meta.h"

namespace weft::storage {

struct PartWriterOptions {
  std::shared_ptr<Fs> fs;  // null: the real filesystem
  uint32_t max_block_rows = part_format::kDefaultMaxBlockRows;
  uint64_t max_block_bytes = part_format::kDefaultMaxBlockBytes;
  int zstd_level = part_format::kDefaultZstdLevel;
  double bloom_bits_per_token = part_format::kDefaultBloomBitsPerToken;
};

class PartWriter {
 public:
  static Result<std::unique_ptr<PartWriter>> create(std::filesystem::path dir, part_format::Signal signal,
                                                    std::string tenant, PartWriterOptions options = {});
  ~PartWriter();

  // Appends rows of one stream, sorted by sort time (logs: effective time; spans: start).
  // REQUIRES (else kInvalidArgument): the writer's signal; `stream` greater than every stream
  // appended before, or equal to the last one with rows not earlier than its last row; rows
  // not nested deeper than kMaxValueDepth. `labels` are recorded the first time a stream is
  // seen. The rows are encoded during the call; they need not outlive it.
  Status append_logs(const StreamId& stream, const StreamLabels& labels, std::span<const LogRecord* const> rows);
  Status append_spans(const StreamId& stream, const StreamLabels& labels, std::span<const Span* const> rows);

  // Completes the part (see Durability) and returns its metadata.
  Result<PartMeta> finish();

  // Bytes written so far to the part's data files.
  uint64_t bytes_written() const;

 private:
  struct Impl;
  explicit PartWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes `records` (all of `tenant`, in any order) as a part named `dir`: sorted by (stream,
// time), streams by `identity`. The order of records with equal stream and time is kept.
Result<PartMeta> write_log_part(const std::filesystem::path& dir, std::string_view tenant,
                                std::span<const LogRecord* const> records, const StreamIdentity& identity,
                                const PartWriterOptions& options = {});
Result<PartMeta> write_span_part(const std::filesystem::path& dir, std::string_view tenant,
                                 std::span<const Span* const> spans, const StreamIdentity& identity,
                                 const PartWriterOptions& options = {});

}  // namespace weft::storage
