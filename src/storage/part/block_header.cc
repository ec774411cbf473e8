#include "storage/part/block_header.h"

#include <tuple>

namespace weft::storage {

namespace pf = part_format;

const ColumnHeader* BlockHeader::find(pf::ColumnId id) const {
  for (const auto& c : columns)
    if (c.id == id) return &c;
  return nullptr;
}

std::span<const ColumnHeader> BlockHeader::attribute_columns() const {
  size_t first = 0;
  while (first < columns.size() && columns[first].id != pf::ColumnId::kAttribute) ++first;
  size_t end = first;
  while (end < columns.size() && columns[end].id == pf::ColumnId::kAttribute) ++end;
  return std::span<const ColumnHeader>(columns).subspan(first, end - first);
}

uint64_t BlockHeader::raw_bytes() const {
  uint64_t n = 0;
  for (const auto& c : columns) n += c.raw_size();
  return n;
}

namespace {

void write_stream(const StreamId& id, ByteWriter& w) {
  w.bytes(std::string_view(reinterpret_cast<const char*>(id.bytes.data()), id.bytes.size()));
}

void read_stream(ByteReader& in, StreamId* id) {
  std::string_view b = in.bytes(16);
  if (in.ok()) std::copy(b.begin(), b.end(), id->bytes.begin());
}

void encode_column(const ColumnHeader& c, ByteWriter& w) {
  w.u8(static_cast<uint8_t>(c.id));
  if (c.id == pf::ColumnId::kAttribute) {
    w.sized(c.key);
    w.varint(c.occurrence);
  }
  w.u8(static_cast<uint8_t>(c.storage));
  if (c.storage == pf::ColumnStorage::kInline) {
    w.sized(c.inline_bytes);
  } else {
    w.varint(c.chunk.offset);
    w.varint(c.chunk.stored_size);
    w.varint(c.chunk.raw_size);
    w.u32(c.chunk.checksum);
  }
  w.u8(c.bloom ? 1 : 0);
  if (c.bloom) {
    w.varint(c.bloom->offset);
    w.varint(c.bloom->size);
    w.u32(c.bloom->checksum);
  }
}

bool decode_column(ByteReader& in, ColumnHeader* c) {
  uint8_t id = in.u8();
  if (!pf::is_known_column(id)) return in.fail(), false;
  c->id = static_cast<pf::ColumnId>(id);
  if (c->id == pf::ColumnId::kAttribute) {
    c->key = std::string(in.sized());
    c->occurrence = static_cast<uint32_t>(in.bounded(UINT32_MAX));
  }
  uint8_t storage = in.u8();
  if (storage > static_cast<uint8_t>(pf::ColumnStorage::kChunkZstd)) return in.fail(), false;
  c->storage = static_cast<pf::ColumnStorage>(storage);
  if (c->storage == pf::ColumnStorage::kInline) {
    c->inline_bytes = std::string(in.bytes(static_cast<size_t>(in.bounded(pf::kMaxInlineColumnBytes))));
  } else {
    c->chunk.offset = in.varint();
    c->chunk.stored_size = in.bounded(pf::kMaxChunkBytes);
    c->chunk.raw_size = in.bounded(pf::kMaxChunkBytes);
    c->chunk.checksum = in.u32();
    if (c->storage == pf::ColumnStorage::kChunk && c->chunk.raw_size != c->chunk.stored_size) in.fail();
  }
  uint8_t has_bloom = in.u8();
  if (has_bloom > 1) return in.fail(), false;
  if (has_bloom == 1) {
    BloomRef b;
    b.offset = in.varint();
    b.size = in.bounded(pf::kMaxChunkBytes);
    b.checksum = in.u32();
    c->bloom = b;
  }
  return in.ok();
}

auto order_key(const ColumnHeader& c) { return std::tie(c.id, c.key, c.occurrence); }

}  // namespace

void encode_block_header(const BlockHeader& h, ByteWriter& w) {
  write_stream(h.stream, w);
  w.varint(h.rows);
  w.zigzag(h.min_time);
  w.varint(static_cast<uint64_t>(h.max_time) - static_cast<uint64_t>(h.min_time));
  w.varint(h.columns.size());
  for (const auto& c : h.columns) encode_column(c, w);
}

bool decode_block_header(ByteReader& in, BlockHeader* h) {
  read_stream(in, &h->stream);
  h->rows = static_cast<uint32_t>(in.bounded(pf::kMaxBlockRows));
  h->min_time = in.zigzag();
  uint64_t span = in.varint();
  h->max_time = static_cast<UnixNanos>(static_cast<uint64_t>(h->min_time) + span);
  uint64_t columns = in.bounded(pf::kMaxColumnsPerBlock);
  if (!in.ok() || h->rows == 0 || h->max_time < h->min_time || columns > in.remaining()) return in.fail(), false;
  h->columns.assign(columns, ColumnHeader());
  for (size_t i = 0; i < columns; ++i) {
    if (!decode_column(in, &h->columns[i])) return false;
    if (i > 0 && !(order_key(h->columns[i - 1]) < order_key(h->columns[i]))) return in.fail(), false;
  }
  return in.ok();
}

void encode_index_group_ref(const IndexGroupRef& r, ByteWriter& w) {
  w.varint(r.offset);
  w.varint(r.stored_size);
  w.varint(r.raw_size);
  w.u32(r.checksum);
  w.varint(r.blocks);
  write_stream(r.first_stream, w);
  write_stream(r.last_stream, w);
  w.zigzag(r.min_time);
  w.zigzag(r.max_time);
}

bool decode_index_group_ref(ByteReader& in, IndexGroupRef* r) {
  r->offset = in.varint();
  r->stored_size = in.bounded(pf::kMaxChunkBytes);
  r->raw_size = in.bounded(pf::kMaxChunkBytes);
  r->checksum = in.u32();
  r->blocks = static_cast<uint32_t>(in.bounded(pf::kIndexGroupMaxBlocks));
  read_stream(in, &r->first_stream);
  read_stream(in, &r->last_stream);
  r->min_time = in.zigzag();
  r->max_time = in.zigzag();
  if (in.ok() && (r->blocks == 0 || r->max_time < r->min_time || r->last_stream < r->first_stream)) in.fail();
  return in.ok();
}

std::string encode_index_group(std::span<const BlockHeader> headers) {
  std::string out;
  ByteWriter w(&out);
  w.varint(headers.size());
  for (const auto& h : headers) encode_block_header(h, w);
  return out;
}

bool decode_index_group(std::string_view raw, uint32_t blocks, std::vector<BlockHeader>* out) {
  ByteReader in(raw);
  if (in.varint() != blocks || !in.ok()) return false;
  out->assign(blocks, BlockHeader());
  for (auto& h : *out)
    if (!decode_block_header(in, &h)) return false;
  return in.at_end();
}

}  // namespace weft::storage
