#include "storage/part/part_reader.h"

#include <algorithm>

#include "storage/part/bloom_filter.h"
#include "storage/part/zstd_codec.h"

namespace weft::storage {

namespace pf = part_format;

namespace {

Result<std::unique_ptr<ReadableFile>> open_sized(Fs& fs, const std::filesystem::path& path, uint64_t size) {
  auto f = fs.open(path);
  if (!f.is_ok()) {
    if (f.status().code() == StatusCode::kNotFound) return Status::corruption(path.string() + ": missing");
    return f.status();
  }
  if ((*f)->size() != size)
    return Status::corruption(path.string() + ": size " + std::to_string((*f)->size()) + ", expected " +
                              std::to_string(size) + " (at offset " + std::to_string(std::min((*f)->size(), size)) + ")");
  return f;
}

}  // namespace

Result<std::shared_ptr<const PartReader>> PartReader::open(const std::filesystem::path& dir, std::shared_ptr<Fs> fs) {
  if (!fs) fs = posix_fs();
  std::shared_ptr<PartReader> reader(new PartReader());
  WEFT_RETURN_IF_ERROR(reader->load(dir, *fs));
  return std::shared_ptr<const PartReader>(std::move(reader));
}

Status PartReader::load(const std::filesystem::path& dir, Fs& fs) {
  dir_ = dir;
  auto meta_file = fs.open(dir / pf::kMetaFile);
  if (!meta_file.is_ok()) {
    if (meta_file.status().code() == StatusCode::kNotFound)
      return Status::not_found("no part at " + dir.string() + " (" + meta_file.status().message() + ")");
    return meta_file.status();
  }
  if ((*meta_file)->size() > pf::kMaxMetaBytes) return corrupt(**meta_file, 0, "meta.bin too large");
  auto bytes = (*meta_file)->read(0, (*meta_file)->size());
  if (!bytes.is_ok()) return bytes.status();
  auto meta = decode_part_meta(*bytes, (dir / pf::kMetaFile).string());
  if (!meta.is_ok()) return meta.status();
  meta_ = std::move(meta).value();
  auto index = open_sized(fs, dir / pf::kIndexFile, meta_.index_bytes);
  if (!index.is_ok()) return index.status();
  auto columns = open_sized(fs, dir / pf::kColumnsFile, meta_.columns_bytes);
  if (!columns.is_ok()) return columns.status();
  auto blooms = open_sized(fs, dir / pf::kBloomsFile, meta_.blooms_bytes);
  if (!blooms.is_ok()) return blooms.status();
  index_ = std::move(index).value();
  columns_ = std::move(columns).value();
  blooms_ = std::move(blooms).value();
  WEFT_RETURN_IF_ERROR(check_groups());
  return load_streams(fs);
}

Status PartReader::load_streams(Fs& fs) {
  auto file = open_sized(fs, dir_ / pf::kStreamsFile, meta_.streams_bytes);
  if (!file.is_ok()) return file.status();
  auto stored = (*file)->read(0, meta_.streams_bytes);
  if (!stored.is_ok()) return stored.status();
  if (pf::checksum64(*stored) != meta_.streams_checksum) return corrupt(**file, 0, "checksum mismatch");
  auto raw = zstd_decompress(*stored, meta_.streams_raw_bytes);
  if (!raw.is_ok()) return corrupt(**file, 0, raw.status().message());
  if (!decode_stream_table(*raw, &streams_)) return corrupt(**file, 0, "malformed stream table");
  if (streams_.size() != meta_.streams) return corrupt(**file, 0, "stream count does not match meta.bin");
  return Status::ok();
}

// The index groups must tile index.bin in order and agree with the part's counts.
Status PartReader::check_groups() const {
  uint64_t offset = 0, blocks = 0;
  for (const auto& g : meta_.groups) {
    if (g.offset != offset || g.stored_size > meta_.index_bytes - offset)
      return corrupt(*index_, offset, "index group directory does not match the file");
    offset += g.stored_size;
    blocks += g.blocks;
  }
  if (offset != meta_.index_bytes || blocks != meta_.blocks)
    return corrupt(*index_, offset, "index group directory does not match the file");
  return Status::ok();
}

Status PartReader::corrupt(const ReadableFile& file, uint64_t offset, std::string_view what) const {
  return Status::corruption(file.path().string() + " at offset " + std::to_string(offset) + ": " + std::string(what));
}

Result<std::string> PartReader::read_checked(const ReadableFile& file, uint64_t offset, uint64_t size,
                                             uint32_t checksum, std::string_view what) const {
  if (offset > file.size() || size > file.size() - offset)
    return corrupt(file, offset, std::string(what) + " lies past the end of the file");
  auto bytes = file.read(offset, size);
  if (!bytes.is_ok()) return bytes.status();
  if (pf::checksum32(*bytes) != checksum) return corrupt(file, offset, std::string(what) + " checksum mismatch");
  return bytes;
}

const PartStream* PartReader::find_stream(const StreamId& id) const {
  auto it = std::lower_bound(streams_.begin(), streams_.end(), id, [](const PartStream& s, const StreamId& v) { return s.id < v; });
  return it != streams_.end() && it->id == id ? &*it : nullptr;
}

Result<std::vector<BlockHeader>> PartReader::read_index_group(size_t g) const {
  const IndexGroupRef& ref = meta_.groups.at(g);
  auto stored = read_checked(*index_, ref.offset, ref.stored_size, ref.checksum, "index group");
  if (!stored.is_ok()) return stored.status();
  auto raw = zstd_decompress(*stored, ref.raw_size);
  if (!raw.is_ok()) return corrupt(*index_, ref.offset, raw.status().message());
  std::vector<BlockHeader> headers;
  if (!decode_index_group(*raw, ref.blocks, &headers)) return corrupt(*index_, ref.offset, "malformed index group");
  for (const auto& h : headers) {
    if (h.stream < ref.first_stream || ref.last_stream < h.stream || h.min_time < ref.min_time || h.max_time > ref.max_time)
      return corrupt(*index_, ref.offset, "block header outside its index group's range");
  }
  return headers;
}

Result<std::string> PartReader::read_chunk(const ColumnHeader& c) const {
  auto stored = read_checked(*columns_, c.chunk.offset, c.chunk.stored_size, c.chunk.checksum, "column chunk");
  if (!stored.is_ok() || c.storage == pf::ColumnStorage::kChunk) return stored;
  auto raw = zstd_decompress(*stored, c.chunk.raw_size);
  if (!raw.is_ok()) return corrupt(*columns_, c.chunk.offset, raw.status().message());
  return raw;
}

Result<std::string> PartReader::read_bloom(const BloomRef& b) const {
  auto bytes = read_checked(*blooms_, b.offset, b.size, b.checksum, "bloom filter");
  if (bytes.is_ok() && !bloom_filter_valid(*bytes)) return corrupt(*blooms_, b.offset, "malformed bloom filter");
  return bytes;
}

Status PartReader::verify() const {
  uint64_t rows = 0, chunk_bytes = 0, bloom_bytes = 0;
  for (size_t g = 0; g < meta_.groups.size(); ++g) {
    auto headers = read_index_group(g);
    if (!headers.is_ok()) return headers.status();
    for (const auto& h : *headers) {
      rows += h.rows;
      for (const auto& c : h.columns) {
        if (c.storage != pf::ColumnStorage::kInline) {
          auto chunk = read_chunk(c);
          if (!chunk.is_ok()) return chunk.status();
          chunk_bytes += c.chunk.stored_size;
        }
        if (c.bloom) {
          auto bloom = read_bloom(*c.bloom);
          if (!bloom.is_ok()) return bloom.status();
          bloom_bytes += c.bloom->size;
        }
      }
    }
  }
  if (rows != meta_.rows) return corrupt(*index_, 0, "row count does not match meta.bin");
  // Chunks and filters tile their files: no byte is outside a checksummed region.
  if (chunk_bytes != meta_.columns_bytes) return corrupt(*columns_, 0, "chunks do not cover the file");
  if (bloom_bytes != meta_.blooms_bytes) return corrupt(*blooms_, 0, "bloom filters do not cover the file");
  return Status::ok();
}

}  // namespace weft::storage
