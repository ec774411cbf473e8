// gRPC status codes (the gRPC specification, "Status codes and their use in gRPC") that OTLP
// answers carry: in the google.rpc.Status bodies of OTLP/HTTP errors, and as the status of
// OTLP/gRPC calls.
#pragma once

namespace weft::ingest {

inline constexpr int kGrpcOk = 0;
inline constexpr int kGrpcInvalidArgument = 3;
inline constexpr int kGrpcDeadlineExceeded = 4;
inline constexpr int kGrpcPermissionDenied = 7;
inline constexpr int kGrpcResourceExhausted = 8;
inline constexpr int kGrpcUnimplemented = 12;
inline constexpr int kGrpcInternal = 13;
inline constexpr int kGrpcUnavailable = 14;
inline constexpr int kGrpcUnauthenticated = 16;

}  // namespace weft::ingest
