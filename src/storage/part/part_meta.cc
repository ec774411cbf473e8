#include "storage/part/part_meta.h"

#include <cstring>

namespace weft::storage {

namespace pf = part_format;

namespace {

void encode_stats(const ColumnStats& s, ByteWriter& w) {
  w.sized(s.name);
  w.varint(s.stored_bytes);
  w.varint(s.raw_bytes);
  w.varint(s.bloom_bytes);
}

bool decode_stats(ByteReader& in, ColumnStats* s) {
  s->name = std::string(in.sized());
  s->stored_bytes = in.varint();
  s->raw_bytes = in.varint();
  s->bloom_bytes = in.varint();
  return in.ok();
}

std::string encode_body(const PartMeta& m) {
  std::string body;
  ByteWriter w(&body);
  w.u8(static_cast<uint8_t>(m.signal));
  w.sized(m.tenant);
  w.varint(m.rows);
  w.varint(m.blocks);
  w.zigzag(m.min_time);
  w.zigzag(m.max_time);
  w.varint(m.streams);
  w.varint(m.streams_bytes);
  w.varint(m.streams_raw_bytes);
  w.u64(m.streams_checksum);
  w.varint(m.index_bytes);
  w.varint(m.columns_bytes);
  w.varint(m.blooms_bytes);
  w.varint(m.groups.size());
  for (const auto& g : m.groups) encode_index_group_ref(g, w);
  w.varint(m.column_stats.size());
  for (const auto& s : m.column_stats) encode_stats(s, w);
  return body;
}

bool decode_body(ByteReader& in, PartMeta* m) {
  uint8_t signal = in.u8();
  if (signal != static_cast<uint8_t>(pf::Signal::kLogs) && signal != static_cast<uint8_t>(pf::Signal::kSpans))
    return in.fail(), false;
  m->signal = static_cast<pf::Signal>(signal);
  m->tenant = std::string(in.sized());
  m->rows = in.varint();
  m->blocks = in.varint();
  m->min_time = in.zigzag();
  m->max_time = in.zigzag();
  m->streams = in.varint();
  m->streams_bytes = in.varint();
  m->streams_raw_bytes = in.bounded(pf::kMaxMetaBytes);
  m->streams_checksum = in.u64();
  m->index_bytes = in.varint();
  m->columns_bytes = in.varint();
  m->blooms_bytes = in.varint();
  uint64_t groups = in.bounded(in.remaining());
  m->groups.resize(groups);
  for (auto& g : m->groups)
    if (!decode_index_group_ref(in, &g)) return false;
  uint64_t stats = in.bounded(in.remaining());
  m->column_stats.resize(stats);
  for (auto& s : m->column_stats)
    if (!decode_stats(in, &s)) return false;
  return in.ok() && in.at_end();
}

Status corrupt(const std::string& path, size_t offset, std::string_view what) {
  return Status::corruption(path + " at offset " + std::to_string(offset) + ": " + std::string(what));
}

}  // namespace

std::string encode_part_meta(const PartMeta& meta) {
  std::string body = encode_body(meta);
  std::string file;
  ByteWriter w(&file);
  w.bytes(pf::kMagic);
  w.u32(pf::kVersion);
  w.u32(static_cast<uint32_t>(body.size()));
  w.bytes(body);
  w.u64(pf::checksum64(file));
  return file;
}

Result<PartMeta> decode_part_meta(std::string_view file, const std::string& path) {
  if (file.size() < pf::kMetaHeaderSize + pf::kMetaTrailerSize) return corrupt(path, 0, "file too short");
  if (file.substr(0, pf::kMagic.size()) != pf::kMagic) return corrupt(path, 0, "bad magic");
  ByteReader header(file.substr(8, 8));
  uint32_t version = header.u32();
  uint32_t body_size = header.u32();
  if (version != pf::kVersion) return corrupt(path, 8, "unsupported version " + std::to_string(version));
  if (body_size != file.size() - pf::kMetaHeaderSize - pf::kMetaTrailerSize)
    return corrupt(path, 12, "body length does not match the file size");
  size_t trailer = file.size() - pf::kMetaTrailerSize;
  ByteReader sum(file.substr(trailer));
  if (pf::checksum64(file.substr(0, trailer)) != sum.u64()) return corrupt(path, trailer, "checksum mismatch");
  ByteReader in(file.substr(pf::kMetaHeaderSize, body_size));
  PartMeta meta;
  if (!decode_body(in, &meta)) return corrupt(path, pf::kMetaHeaderSize + in.position(), "malformed body");
  meta.meta_bytes = file.size();
  return meta;
}

std::string encode_stream_table(const std::vector<PartStream>& streams) {
  std::string out;
  ByteWriter w(&out);
  w.varint(streams.size());
  for (const auto& s : streams) {
    w.bytes(std::string_view(reinterpret_cast<const char*>(s.id.bytes.data()), 16));
    w.varint(s.rows);
    w.varint(s.labels.size());
    for (const auto& [k, v] : s.labels) {
      w.sized(k);
      w.sized(v);
    }
  }
  return out;
}

bool decode_stream_table(std::string_view raw, std::vector<PartStream>* out) {
  ByteReader in(raw);
  uint64_t n = in.varint();
  if (!in.ok() || n > in.remaining() / 18) return false;
  out->assign(n, PartStream());
  for (auto& s : *out) {
    std::string_view id = in.bytes(16);
    if (!in.ok()) return false;
    std::memcpy(s.id.bytes.data(), id.data(), 16);
    s.rows = in.varint();
    uint64_t labels = in.bounded(in.remaining());
    s.labels.resize(labels);
    for (auto& [k, v] : s.labels) {
      k = std::string(in.sized());
      v = std::string(in.sized());
    }
  }
  for (size_t i = 1; i < out->size(); ++i)
    if (!((*out)[i - 1].id < (*out)[i].id)) return false;
  return in.ok() && in.at_end();
}

}  // namespace weft::storage
