#include "common/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace weft {

namespace {

// windowBits 15 with +32: zlib detects a gzip or a zlib header by itself.
constexpr int kAutoDetectWindowBits = 15 + 32;
// windowBits -15: a raw DEFLATE stream, no header or trailer.
constexpr int kRawWindowBits = -15;
// windowBits 15 with +16: write a gzip header and trailer.
constexpr int kGzipWindowBits = 15 + 16;
constexpr size_t kChunk = 64 << 10;

// Owns a z_stream set up for inflating.
class Inflater {
 public:
  explicit Inflater(int window_bits) { ok_ = inflateInit2(&zs_, window_bits) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&zs_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return zs_; }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

std::string zlib_message(const z_stream& zs, const char* fallback) {
  return zs.msg != nullptr ? zs.msg : fallback;
}

// Whether `data` starts with a zlib header (RFC 1950): deflate method, and a check value that
// makes the first two bytes a multiple of 31.
bool has_zlib_header(std::string_view data) {
  if (data.size() < 2) return false;
  auto cmf = static_cast<unsigned char>(data[0]), flg = static_cast<unsigned char>(data[1]);
  return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

Result<std::string> inflate_limited(std::string_view compressed, size_t max_output_bytes,
                                    int window_bits) {
  if (compressed.size() > UINT_MAX) return Status::too_large("compressed body over 4 GiB");
  Inflater inflater(window_bits);
  if (!inflater.ok()) return Status::internal("zlib inflateInit2 failed");
  z_stream& zs = inflater.stream();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());

  std::string out;
  out.resize(std::min(std::max(compressed.size() * 4, kChunk), max_output_bytes + 1));
  size_t produced = 0;
  for (;;) {
    if (produced == out.size()) out.resize(std::min(out.size() * 2, max_output_bytes + 1));
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(std::min<size_t>(out.size() - produced, UINT_MAX));
    const uInt before = zs.avail_out;
    int rc = inflate(&zs, Z_NO_FLUSH);
    produced += before - zs.avail_out;
    if (produced > max_output_bytes)
      return Status::too_large("decompressed body over " + std::to_string(max_output_bytes) +
                               " bytes");
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      // Another gzip member may follow (concatenated .gz files); anything else is garbage.
      bool gzip_member = window_bits != kRawWindowBits && zs.avail_in >= 2 &&
                         zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b;
      if (!gzip_member)
        return Status::invalid("trailing data after the compressed body");
      if (inflateReset(&zs) != Z_OK) return Status::internal("zlib inflateReset failed");
      continue;
    }
    if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR)
      return Status::invalid("corrupt compressed body: " + zlib_message(zs, "bad data"));
    if (rc == Z_BUF_ERROR && zs.avail_in == 0)
      return Status::invalid("truncated compressed body");
  }
  out.resize(produced);
  return out;
}

}  // namespace

Result<std::string> gunzip_limited(std::string_view compressed, size_t max_output_bytes) {
  return inflate_limited(compressed, max_output_bytes, kAutoDetectWindowBits);
}

Result<std::string> inflate_deflate_limited(std::string_view compressed,
                                            size_t max_output_bytes) {
  return inflate_limited(compressed, max_output_bytes,
                         has_zlib_header(compressed) ? kAutoDetectWindowBits : kRawWindowBits);
}

std::string deflate_raw_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kRawWindowBits, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(rc == Z_STREAM_END ? zs.total_out : 0);
  deflateEnd(&zs);
  return out;
}

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out;
  size_t in_pos = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {  // input and output fed in pieces, as zlib counts in 32 bits
    if (zs.total_out == out.size()) out.resize(std::max(out.size() * 2, data.size() / 2 + kChunk));
    const size_t in_piece = std::min<size_t>(data.size() - in_pos, UINT_MAX);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + in_pos));
    zs.avail_in = static_cast<uInt>(in_piece);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + zs.total_out);
    zs.avail_out = static_cast<uInt>(std::min<size_t>(out.size() - zs.total_out, UINT_MAX));
    const bool last = in_pos + in_piece == data.size();
    rc = deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
    in_pos += in_piece - zs.avail_in;
    if (rc == Z_BUF_ERROR) rc = Z_OK;  // no progress possible until more output room
  }
  out.resize(rc == Z_STREAM_END ? zs.total_out : 0);
  deflateEnd(&zs);
  return out;
}

}  // namespace weft
