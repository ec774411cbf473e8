#include "client/grpc_bytes.h"

#include <vector>

namespace weft::client {

std::string byte_buffer_to_string(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return {};  // an empty (invalid) buffer
  std::string out;
  out.reserve(buffer.Length());
  for (const grpc::Slice& slice : slices)
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return out;
}

grpc::ByteBuffer string_to_byte_buffer(std::string_view bytes) {
  grpc::Slice slice(bytes.data(), bytes.size());
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace weft::client
