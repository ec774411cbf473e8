#include "storage/part/buffered_file.h"

namespace weft::storage {

Result<uint64_t> BufferedFile::append(std::string_view bytes) {
  uint64_t offset = size_;
  if (buffer_.size() + bytes.size() > kBufferBytes) WEFT_RETURN_IF_ERROR(flush());
  if (bytes.size() >= kBufferBytes) {
    WEFT_RETURN_IF_ERROR(file_->append(bytes));
  } else {
    buffer_.append(bytes);
  }
  size_ += bytes.size();
  return offset;
}

Status BufferedFile::flush() {
  if (buffer_.empty()) return Status::ok();
  Status s = file_->append(buffer_);
  buffer_.clear();
  return s;
}

Status BufferedFile::sync() {
  WEFT_RETURN_IF_ERROR(flush());
  return file_->sync();
}

}  // namespace weft::storage
