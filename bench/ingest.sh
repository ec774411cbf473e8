#!/usr/bin/env bash
# Ingest benchmark: builds weft, starts `weft serve` on free 127.0.0.1 ports with a temporary
# data dir, drives it with `weft loadgen` (pre-encoded batches of 1000 ~300-byte log records in
# the protocol given) flat out, then at half the measured rate, prints the server's peak RSS
# after each run, and stops the server (SIGTERM, by PID). See docs/benchmarks.md.
#
#   bench/ingest.sh [PROTOCOL]   otlp-http (the default: OTLP/HTTP protobuf), otlp-grpc, loki (Loki
#                                push: snappy protobuf), elastic (bulk NDJSON), splunk-hec (HEC
#                                events); any protocol `weft loadgen` speaks
#
# Environment: BUILD_DIR (build), DURATION (seconds per run, 15), CONNECTIONS (8), GZIP (1:
# gzip request bodies),
# WEFT_BENCH_ARGS (extra `weft serve` flags, e.g. "--wal-fsync false").
set -euo pipefail
cd "$(dirname "$0")/.."

PROTOCOL=${1:-otlp-http}
BUILD_DIR=${BUILD_DIR:-build}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
MEMORY_BUDGET=${MEMORY_BUDGET:-12GiB}

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --target weft

WEFT="$BUILD_DIR/weft"

free_port() {
  node -e 'const s=require("net").createServer(); s.listen(0,"127.0.0.1",()=>{console.log(s.address().port); s.close()})'
}
API_PORT=$(free_port)
OTLP_PORT=$(free_port)
while [ "$OTLP_PORT" = "$API_PORT" ]; do OTLP_PORT=$(free_port); done
GRPC_PORT=$(free_port)
while [ "$GRPC_PORT" = "$API_PORT" ] || [ "$GRPC_PORT" = "$OTLP_PORT" ]; do GRPC_PORT=$(free_port); done
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/weft-bench.XXXXXX")
LOG="$DATA_DIR.log"
WEFT_PID=""

cleanup() {
  if [ -n "$WEFT_PID" ] && kill -0 "$WEFT_PID" 2>/dev/null; then
    kill -TERM "$WEFT_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$WEFT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$WEFT_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR" "$LOG"
}
trap cleanup EXIT

# A memory budget large enough that the run measures ingest, not back-pressure.
extra=()
if "$WEFT" serve --help 2>&1 | grep -q -- '--limits-memory-budget-bytes'; then
  extra+=(--limits-memory-budget-bytes "$MEMORY_BUDGET")
fi
# shellcheck disable=SC2206
extra+=(${WEFT_BENCH_ARGS:-})

echo "== weft serve --data-dir $DATA_DIR --listen 127.0.0.1:$API_PORT --otlp-http-listen 127.0.0.1:$OTLP_PORT ${extra[*]}"
"$WEFT" serve --data-dir "$DATA_DIR" --listen "127.0.0.1:$API_PORT" \
  --otlp-http-listen "127.0.0.1:$OTLP_PORT" --otlp-grpc-listen "127.0.0.1:$GRPC_PORT" \
  --syslog-listen "" --jsonlines-listen "" \
  "${extra[@]}" >"$LOG" 2>&1 &
WEFT_PID=$!

ready=0
for _ in $(seq 1 300); do
  if ! kill -0 "$WEFT_PID" 2>/dev/null; then break; fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$API_PORT/ready" || true)" = "200" ]; then
    ready=1; break
  fi
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "weft did not become ready; its log:" >&2
  cat "$LOG" >&2
  exit 1
fi

ENDPOINT="http://127.0.0.1:$OTLP_PORT"
[ "$PROTOCOL" = otlp-grpc ] && ENDPOINT="http://127.0.0.1:$GRPC_PORT"
load=(--protocol "$PROTOCOL")
[ "${GZIP:-0}" = 1 ] && load+=(--gzip)
peak_rss() { awk '/VmHWM/ {print $2 " " $3}' "/proc/$WEFT_PID/status"; }
# The server's CPU time so far (user + system), in clock ticks: records per server CPU-second
# is the figure that holds when other work shares the machine.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$WEFT_PID/stat"; }
per_cpu_second() {  # records, ticks used
  awk -v r="$1" -v t="$2" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (t > 0) printf "%.0f records per server CPU-second (%.1f CPU-s)", r * hz / t, t / hz }'
}
records_of() { printf '%s' "$1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).records)}catch{console.log(0)}})'; }
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "== $PROTOCOL, flat out: $CONNECTIONS connections, ${DURATION}s"
cpu_before=$(cpu_ticks)
flat_json=$("$WEFT" loadgen "${load[@]}" --endpoint "$ENDPOINT" \
  --connections "$CONNECTIONS" --duration "${DURATION}s" --json | tail -n 1) || true
echo "$flat_json"
echo "== server: $(per_cpu_second "$(records_of "$flat_json")" $(($(cpu_ticks) - cpu_before)))"
echo "== server peak RSS: $(peak_rss)"
peak=$(printf '%s' "$flat_json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(Math.floor(JSON.parse(s).records_per_s))}catch{console.log(0)}})')
if [ "$peak" -le 0 ]; then
  echo "flat-out run acknowledged nothing; weft log:" >&2
  tail -n 50 "$LOG" >&2
  exit 1
fi
half=$((peak / 2))
echo "== $PROTOCOL, half rate: $half records/s, $CONNECTIONS connections, ${DURATION}s"
"$WEFT" loadgen "${load[@]}" --endpoint "$ENDPOINT" --connections "$CONNECTIONS" \
  --duration "${DURATION}s" --rate "$half" || true
echo "== server peak RSS: $(peak_rss)"

echo "== data dir size: $(du -sh "$DATA_DIR" | cut -f1)"
echo "== stopping weft (pid $WEFT_PID) with SIGTERM"
kill -TERM "$WEFT_PID"
rc=0
wait "$WEFT_PID" || rc=$?
WEFT_PID=""
echo "== weft exited with $rc"
rm -f "$LOG"
[ "$rc" = 0 ]
