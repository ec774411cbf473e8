#!/usr/bin/env bash
# Ingest benchmark over OTLP/gRPC: bench/ingest-otlp-http.sh with PROTOCOL=otlp-grpc (the same
# server, load and report; weft loadgen sends the same protobuf batches as unary Export calls,
# one call in flight per channel). GZIP=1 compresses each message (grpc-encoding: gzip).
# See docs/benchmarks.md.
set -euo pipefail
PROTOCOL=otlp-grpc exec "$(dirname "$0")/ingest-otlp-http.sh" "$@"
