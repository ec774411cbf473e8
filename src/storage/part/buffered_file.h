// BufferedFile: a WritableFile written through a buffer, knowing its size, so the part writer
// appends many small chunks with few system calls and records where each one starts.
//
// Thread safety: none.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storage/fs/fs.h"

namespace weft::storage {

class BufferedFile {
 public:
  static constexpr size_t kBufferBytes = 1 << 20;

  explicit BufferedFile(std::unique_ptr<WritableFile> file) : file_(std::move(file)) {}

  // Appends `bytes`; returns the offset they start at.
  Result<uint64_t> append(std::string_view bytes);
  // Writes the buffer out and fsyncs the file.
  Status sync();
  uint64_t size() const { return size_; }

 private:
  Status flush();

  std::unique_ptr<WritableFile> file_;
  std::string buffer_;
  uint64_t size_ = 0;
};

}  // namespace weft::storage
