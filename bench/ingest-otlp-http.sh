#!/usr/bin/env bash
# The OTLP/HTTP protobuf ingest benchmark (`make bench`): bench/ingest.sh with PROTOCOL=otlp-http.
exec env PROTOCOL=otlp-http "$(dirname "$0")/ingest.sh" "$@"
