// Conversions between grpc::ByteBuffer (one gRPC message, possibly in several slices) and
// contiguous bytes, for weft's gRPC code, which encodes and decodes protobuf by hand (src/otlp)
// rather than through generated classes. Used by the OTLP/gRPC server and by gRPC clients.
#pragma once

#include <string>
#include <string_view>

#include <grpcpp/support/byte_buffer.h>

namespace weft::client {

// The message's bytes, copied once into one string.
std::string byte_buffer_to_string(const grpc::ByteBuffer& buffer);

// A message holding a copy of `bytes`. ByteBuffer copies share it (reference counted).
grpc::ByteBuffer string_to_byte_buffer(std::string_view bytes);

}  // namespace weft::client
