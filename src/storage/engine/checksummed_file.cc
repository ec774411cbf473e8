#include "storage/engine/checksummed_file.h"

#include <cinttypes>
#include <cstdio>

#include "storage/engine/engine_format.h"
#include "storage/part/part_format.h"

namespace weft::storage {

namespace ef = engine_format;

namespace {

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

}  // namespace

std::string frame_with_checksum(std::string text) {
  std::string sum = hex64(part_format::checksum64(text));
  text += ef::kChecksumPrefix;
  text += sum;
  text += '\n';
  return text;
}

Result<std::string_view> unframe_checksum(std::string_view text, const std::filesystem::path& path,
                                          std::string_view what) {
  auto corrupt = [&](std::string_view why) {
    return Status::corruption(std::string(what) + " " + path.string() + ": " + std::string(why));
  };
  size_t at = text.rfind(ef::kChecksumPrefix);
  if (at == std::string_view::npos || text.empty() || text.back() != '\n')
    return corrupt("no checksum line");
  std::string_view body = text.substr(0, at);
  std::string_view sum = text.substr(at + ef::kChecksumPrefix.size());
  sum.remove_suffix(1);
  if (sum != hex64(part_format::checksum64(body))) return corrupt("checksum mismatch");
  return body;
}

Status replace_file_atomically(Fs& fs, const std::filesystem::path& dir, std::string_view name,
                               std::string_view temp_name, std::string_view bytes) {
  std::filesystem::path tmp = dir / temp_name;
  WEFT_RETURN_IF_ERROR(fs.remove_all(tmp));
  auto file = fs.create(tmp);
  if (!file.is_ok()) return file.status();
  WEFT_RETURN_IF_ERROR((*file)->append(bytes));
  WEFT_RETURN_IF_ERROR((*file)->sync());
  file->reset();
  WEFT_RETURN_IF_ERROR(fs.rename(tmp, dir / name));
  return fs.sync_dir(dir);
}

Result<std::string> read_whole_file(Fs& fs, const std::filesystem::path& path) {
  auto file = fs.open(path);
  if (!file.is_ok()) return file.status();
  return (*file)->read(0, (*file)->size());
}

}  // namespace weft::storage
