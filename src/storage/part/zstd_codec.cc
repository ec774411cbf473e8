#include "storage/part/zstd_codec.h"

#include <zstd.h>

#include <memory>

namespace weft::storage {

namespace {

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

ZSTD_CCtx* compress_context() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
  return ctx.get();
}

ZSTD_DCtx* decompress_context() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
  return ctx.get();
}

}  // namespace

std::string zstd_compress(std::string_view raw, int level) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compressCCtx(compress_context(), out.data(), out.size(), raw.data(), raw.size(), level);
  // Compression into a buffer of compressBound bytes cannot fail for lack of room; any other
  // error would be a bug in the arguments.
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

Result<std::string> zstd_decompress(std::string_view stored, size_t raw_size) {
  std::string out(raw_size, '\0');
  size_t n = ZSTD_decompressDCtx(decompress_context(), out.data(), out.size(), stored.data(), stored.size());
  if (ZSTD_isError(n)) return Status::corruption(std::string("zstd: ") + ZSTD_getErrorName(n));
  if (n != raw_size)
    return Status::corruption("zstd: expanded to " + std::to_string(n) + " bytes, expected " +
                              std::to_string(raw_size));
  return out;
}

}  // namespace weft::storage
