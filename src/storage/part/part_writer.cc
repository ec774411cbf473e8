#include "storage/part/part_writer.h"

#include <algorithm>
#include <map>

#include "storage/part/bloom_filter.h"
#include "storage/part/buffered_file.h"
#include "storage/part/column_builder.h"
#include "storage/part/log_columns.h"
#include "storage/part/span_columns.h"
#include "storage/part/zstd_codec.h"

namespace weft::storage {

namespace pf = part_format;

namespace {

void encode_block_columns(std::span<const LogRecord* const> rows, ColumnBuilder& b) { encode_log_columns(rows, b); }
void encode_block_columns(std::span<const Span* const> rows, ColumnBuilder& b) { encode_span_columns(rows, b); }

// A chunk is stored compressed only when zstd saves at least this fraction of it.
constexpr double kMinCompressionGain = 0.05;

}  // namespace

struct PartWriter::Impl {
  std::shared_ptr<Fs> fs;
  std::filesystem::path dir, temp;
  PartWriterOptions options;
  std::unique_ptr<BufferedFile> columns, blooms, index;
  PartMeta meta;
  std::vector<BlockHeader> group;  // block headers of the index group being filled
  size_t group_raw_bytes = 0;
  std::map<StreamId, PartStream> streams;
  std::map<std::string, ColumnStats> stats;
  bool has_last = false;
  StreamId last_stream;
  UnixNanos last_time = 0;
  bool failed = false, finished = false;

  Status open_files();
  template <typename Row>
  Status append(const StreamId& stream, const StreamLabels& labels, std::span<const Row* const> rows);
  template <typename Row>
  Status check_order(const StreamId& stream, std::span<const Row* const> rows);
  template <typename Row>
  Status write_block(const StreamId& stream, std::span<const Row* const> rows);
  Result<ColumnHeader> store_column(EncodedColumn& column);
  Status add_header(BlockHeader header);
  Status flush_group();
  Status write_small_file(std::string_view name, std::string_view bytes);
  Result<PartMeta> finish();
};

Status PartWriter::Impl::open_files() {
  auto open = [&](std::string_view name, std::unique_ptr<BufferedFile>* out) -> Status {
    auto f = fs->create(temp / name);
    if (!f.is_ok()) return f.status();
    *out = std::make_unique<BufferedFile>(std::move(f).value());
    return Status::ok();
  };
  WEFT_RETURN_IF_ERROR(open(pf::kColumnsFile, &columns));
  WEFT_RETURN_IF_ERROR(open(pf::kBloomsFile, &blooms));
  return open(pf::kIndexFile, &index);
}

template <typename Row>
Status PartWriter::Impl::check_order(const StreamId& stream, std::span<const Row* const> rows) {
  if (has_last && (stream < last_stream || (stream == last_stream && sort_time(*rows[0]) < last_time)))
    return Status::invalid("part writer: rows out of (stream, time) order");
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && sort_time(*rows[i]) < sort_time(*rows[i - 1]))
      return Status::invalid("part writer: rows of a stream out of time order");
    if (!within_depth_limit(*rows[i]))
      return Status::invalid("part writer: a value nests deeper than " + std::to_string(pf::kMaxValueDepth));
  }
  return Status::ok();
}

template <typename Row>
Status PartWriter::Impl::append(const StreamId& stream, const StreamLabels& labels, std::span<const Row* const> rows) {
  if (failed || finished) return Status::invalid("part writer: used after an error or finish()");
  if (rows.empty()) return Status::ok();
  Status s = check_order(stream, rows);
  if (!s.is_ok()) return s;  // the part is still consistent: the caller may go on
  PartStream& ps = streams[stream];
  if (ps.rows == 0) ps.id = stream, ps.labels = labels;
  ps.rows += rows.size();
  has_last = true;
  last_stream = stream;
  last_time = sort_time(*rows.back());
  size_t start = 0;
  while (start < rows.size() && s.is_ok()) {
    size_t end = start;
    uint64_t bytes = 0;
    while (end < rows.size() && end - start < options.max_block_rows && (end == start || bytes < options.max_block_bytes))
      bytes += estimated_row_bytes(*rows[end++]);
    s = write_block(stream, rows.subspan(start, end - start));
    start = end;
  }
  if (!s.is_ok()) failed = true;
  return s;
}

template <typename Row>
Status PartWriter::Impl::write_block(const StreamId& stream, std::span<const Row* const> rows) {
  ColumnBuilder builder(rows.size());
  encode_block_columns(rows, builder);
  std::vector<EncodedColumn> encoded = builder.take();
  if (encoded.size() > pf::kMaxColumnsPerBlock) {
    if (rows.size() == 1) return Status::invalid("part writer: a record with more than 65536 attribute columns");
    size_t half = rows.size() / 2;
    WEFT_RETURN_IF_ERROR(write_block(stream, rows.first(half)));
    return write_block(stream, rows.subspan(half));
  }
  BlockHeader h;
  h.stream = stream;
  h.rows = static_cast<uint32_t>(rows.size());
  h.min_time = sort_time(*rows.front());
  h.max_time = sort_time(*rows.back());
  for (EncodedColumn& c : encoded) {
    Result<ColumnHeader> column = store_column(c);
    if (!column.is_ok()) return column.status();
    h.columns.push_back(std::move(column).value());
  }
  meta.rows += rows.size();
  return add_header(std::move(h));
}

Result<ColumnHeader> PartWriter::Impl::store_column(EncodedColumn& c) {
  ColumnHeader h;
  h.id = c.id;
  h.key = std::move(c.key);
  h.occurrence = c.occurrence;
  ColumnStats& st = stats[std::string(pf::column_name(c.id))];
  st.raw_bytes += c.raw.size();
  if (c.raw.size() <= pf::kMaxInlineColumnBytes) {
    h.storage = pf::ColumnStorage::kInline;
    h.inline_bytes = std::move(c.raw);
    st.stored_bytes += h.inline_bytes.size();
    return h;
  }
  std::string compressed = zstd_compress(c.raw, options.zstd_level);
  bool use_zstd = !compressed.empty() &&
                  static_cast<double>(compressed.size()) <= static_cast<double>(c.raw.size()) * (1 - kMinCompressionGain);
  const std::string& stored = use_zstd ? compressed : c.raw;
  h.storage = use_zstd ? pf::ColumnStorage::kChunkZstd : pf::ColumnStorage::kChunk;
  Result<uint64_t> offset = columns->append(stored);
  if (!offset.is_ok()) return offset.status();
  h.chunk = {*offset, stored.size(), c.raw.size(), pf::checksum32(stored)};
  st.stored_bytes += stored.size();
  if (!c.tokens.empty()) {
    std::string bloom = build_bloom_filter(c.tokens.hashes(), c.tokens.hashes().size(), options.bloom_bits_per_token);
    Result<uint64_t> at = blooms->append(bloom);
    if (!at.is_ok()) return at.status();
    h.bloom = BloomRef{*at, bloom.size(), pf::checksum32(bloom)};
    st.bloom_bytes += bloom.size();
  }
  return h;
}

Status PartWriter::Impl::add_header(BlockHeader h) {
  std::string encoded;
  ByteWriter w(&encoded);
  encode_block_header(h, w);
  group_raw_bytes += encoded.size();
  meta.blocks += 1;
  group.push_back(std::move(h));
  if (group.size() >= pf::kIndexGroupMaxBlocks || group_raw_bytes >= pf::kIndexGroupTargetBytes) return flush_group();
  return Status::ok();
}

Status PartWriter::Impl::flush_group() {
  if (group.empty()) return Status::ok();
  std::string raw = encode_index_group(group);
  std::string stored = zstd_compress(raw, options.zstd_level);
  Result<uint64_t> offset = index->append(stored);
  if (!offset.is_ok()) return offset.status();
  IndexGroupRef ref;
  ref.offset = *offset;
  ref.stored_size = stored.size();
  ref.raw_size = raw.size();
  ref.checksum = pf::checksum32(stored);
  ref.blocks = static_cast<uint32_t>(group.size());
  ref.first_stream = group.front().stream;
  ref.last_stream = group.back().stream;
  ref.min_time = group.front().min_time;
  ref.max_time = group.front().max_time;
  for (const auto& h : group) ref.min_time = std::min(ref.min_time, h.min_time), ref.max_time = std::max(ref.max_time, h.max_time);
  if (meta.groups.empty()) meta.min_time = ref.min_time, meta.max_time = ref.max_time;
  meta.min_time = std::min(meta.min_time, ref.min_time);
  meta.max_time = std::max(meta.max_time, ref.max_time);
  meta.groups.push_back(ref);
  group.clear();
  group_raw_bytes = 0;
  return Status::ok();
}

Status PartWriter::Impl::write_small_file(std::string_view name, std::string_view bytes) {
  auto f = fs->create(temp / name);
  if (!f.is_ok()) return f.status();
  WEFT_RETURN_IF_ERROR((*f)->append(bytes));
  return (*f)->sync();
}

Result<PartMeta> PartWriter::Impl::finish() {
  if (failed || finished) return Status::invalid("part writer: finish() after an error or twice");
  failed = true;  // until it succeeds
  WEFT_RETURN_IF_ERROR(flush_group());
  std::vector<PartStream> table;
  for (auto& [id, s] : streams) table.push_back(std::move(s));
  std::string raw_streams = encode_stream_table(table);
  std::string stored_streams = zstd_compress(raw_streams, options.zstd_level);
  meta.streams = table.size();
  meta.streams_bytes = stored_streams.size();
  meta.streams_raw_bytes = raw_streams.size();
  meta.streams_checksum = pf::checksum64(stored_streams);
  for (auto& [name, st] : stats) {
    st.name = name;
    meta.column_stats.push_back(st);
  }
  WEFT_RETURN_IF_ERROR(columns->sync());
  WEFT_RETURN_IF_ERROR(blooms->sync());
  WEFT_RETURN_IF_ERROR(index->sync());
  meta.columns_bytes = columns->size();
  meta.blooms_bytes = blooms->size();
  meta.index_bytes = index->size();
  WEFT_RETURN_IF_ERROR(write_small_file(pf::kStreamsFile, stored_streams));
  std::string meta_file = encode_part_meta(meta);
  meta.meta_bytes = meta_file.size();
  WEFT_RETURN_IF_ERROR(write_small_file(pf::kMetaFile, meta_file));
  WEFT_RETURN_IF_ERROR(fs->sync_dir(temp));
  WEFT_RETURN_IF_ERROR(fs->rename(temp, dir));
  WEFT_RETURN_IF_ERROR(fs->sync_dir(dir.parent_path()));
  failed = false;
  finished = true;
  return meta;
}

PartWriter::PartWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

PartWriter::~PartWriter() {
  if (!impl_->finished) (void)impl_->fs->remove_all(impl_->temp);
}

Result<std::unique_ptr<PartWriter>> PartWriter::create(std::filesystem::path dir, pf::Signal signal,
                                                       std::string tenant, PartWriterOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->fs = options.fs ? options.fs : posix_fs();
  dir = dir.lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  impl->dir = dir;
  impl->temp = dir.parent_path() / pf::temp_part_name(dir.filename().string());
  if (options.max_block_rows == 0 || options.max_block_rows > pf::kMaxBlockRows)
    return Status::invalid("part writer: max_block_rows must be 1.." + std::to_string(pf::kMaxBlockRows));
  impl->options = std::move(options);
  impl->meta.signal = signal;
  impl->meta.tenant = std::move(tenant);
  Result<bool> exists = impl->fs->exists(dir);
  if (!exists.is_ok()) return exists.status();
  if (*exists) return Status::invalid("part writer: " + dir.string() + " exists");
  WEFT_RETURN_IF_ERROR(impl->fs->remove_all(impl->temp));
  WEFT_RETURN_IF_ERROR(impl->fs->create_dir(impl->temp));
  std::unique_ptr<PartWriter> w(new PartWriter(std::move(impl)));
  WEFT_RETURN_IF_ERROR(w->impl_->open_files());
  return w;
}

Status PartWriter::append_logs(const StreamId& stream, const StreamLabels& labels, std::span<const LogRecord* const> rows) {
  if (impl_->meta.signal != pf::Signal::kLogs) return Status::invalid("part writer: a span part takes spans");
  return impl_->append(stream, labels, rows);
}

Status PartWriter::append_spans(const StreamId& stream, const StreamLabels& labels, std::span<const Span* const> rows) {
  if (impl_->meta.signal != pf::Signal::kSpans) return Status::invalid("part writer: a log part takes logs");
  return impl_->append(stream, labels, rows);
}

Result<PartMeta> PartWriter::finish() { return impl_->finish(); }

uint64_t PartWriter::bytes_written() const {
  return impl_->columns->size() + impl_->blooms->size() + impl_->index->size();
}

}  // namespace weft::storage
