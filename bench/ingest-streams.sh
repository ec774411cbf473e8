#!/usr/bin/env bash
# Stream ingest benchmark: syslog (RFC 5424, octet-counted) and JSON lines over TCP, and
# OTLP/HTTP as a reference measured the same way. For each protocol, on a fresh `weft serve`
# (free 127.0.0.1 ports, a temporary data dir), drives `weft loadgen --protocol ...` flat out.
# A TCP stream has no acknowledgements, so the figure reported is what weft *stored*: the
# growth of weft_ingest_records_total{endpoint=...} from the start of the run until it stops
# growing after the sender is done, divided by that time. Stops each server (SIGTERM, by PID)
# and checks it exits 0. See docs/benchmarks.md.
#
# Environment: BUILD_DIR (build), DURATION (seconds per run, 15), CONNECTIONS (4),
# PROTOCOLS ("syslog jsonlines otlp-http"), WEFT_BENCH_ARGS (extra `weft serve` flags).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-4}
PROTOCOLS=${PROTOCOLS:-"syslog jsonlines otlp-http"}
MEMORY_BUDGET=${MEMORY_BUDGET:-12GiB}

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --target weft -j 2

WEFT="$BUILD_DIR/weft"
WEFT_PID=""
DATA_DIR=""

free_port() {
  node -e 'const s=require("net").createServer(); s.listen(0,"127.0.0.1",()=>{console.log(s.address().port); s.close()})'
}

stop_weft() {
  if [ -n "$WEFT_PID" ] && kill -0 "$WEFT_PID" 2>/dev/null; then
    kill -TERM "$WEFT_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$WEFT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$WEFT_PID" 2>/dev/null || true
  fi
  WEFT_PID=""
  if [ -n "$DATA_DIR" ]; then rm -rf "$DATA_DIR" "$DATA_DIR.log"; fi
  DATA_DIR=""
}
trap stop_weft EXIT

# Starts weft with every ingest listener on a free port: API_PORT, OTLP_PORT, SYSLOG_PORT,
# JSONLINES_PORT.
start_weft() {
  local ports=()
  while [ "${#ports[@]}" -lt 4 ]; do
    local p
    p=$(free_port)
    if [[ ! " ${ports[*]} " == *" $p "* ]]; then ports+=("$p"); fi
  done
  API_PORT=${ports[0]} OTLP_PORT=${ports[1]} SYSLOG_PORT=${ports[2]} JSONLINES_PORT=${ports[3]}
  DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/weft-bench.XXXXXX")
  # shellcheck disable=SC2206
  local extra=(--limits-memory-budget-bytes "$MEMORY_BUDGET" ${WEFT_BENCH_ARGS:-})
  "$WEFT" serve --data-dir "$DATA_DIR" --listen "127.0.0.1:$API_PORT" \
    --otlp-http-listen "127.0.0.1:$OTLP_PORT" --syslog-listen "127.0.0.1:$SYSLOG_PORT" \
    --jsonlines-listen "127.0.0.1:$JSONLINES_PORT" "${extra[@]}" >"$DATA_DIR.log" 2>&1 &
  WEFT_PID=$!
  for _ in $(seq 1 300); do
    if ! kill -0 "$WEFT_PID" 2>/dev/null; then break; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$API_PORT/ready" || true)" = "200" ]; then
      return 0
    fi
    sleep 0.1
  done
  echo "weft did not become ready; its log:" >&2
  cat "$DATA_DIR.log" >&2
  exit 1
}

# weft_ingest_records_total of one door.
stored() {
  curl -s "http://127.0.0.1:$API_PORT/metrics" |
    awk -v door="$1" '$1 == "weft_ingest_records_total{endpoint=\"" door "\"}" {print $2; found=1} END {if (!found) print 0}'
}
now() { date +%s.%N; }
peak_rss() { awk '/VmHWM/ {print $2 " " $3}' "/proc/$WEFT_PID/status"; }

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
for protocol in $PROTOCOLS; do
  start_weft
  case "$protocol" in
    syslog) endpoint="tcp://127.0.0.1:$SYSLOG_PORT" door="syslog/tcp" ;;
    jsonlines) endpoint="tcp://127.0.0.1:$JSONLINES_PORT" door="jsonlines/tcp" ;;
    otlp-http) endpoint="http://127.0.0.1:$OTLP_PORT" door="/v1/logs" ;;
    *) echo "unknown protocol $protocol" >&2; exit 2 ;;
  esac
  echo "== $protocol: flat out, $CONNECTIONS connections, ${DURATION}s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  before=$(stored "$door")
  start=$(now)
  "$WEFT" loadgen --protocol "$protocol" --endpoint "$endpoint" \
    --connections "$CONNECTIONS" --duration "${DURATION}s" --json | tail -n 1
  # Wait until the stored count stops growing (the last batches are acknowledged).
  last=$(stored "$door"); last_change=$(now)
  for _ in $(seq 1 100); do
    sleep 0.1
    cur=$(stored "$door")
    if [ "$cur" != "$last" ]; then last=$cur; last_change=$(now); fi
    if awk -v a="$(now)" -v b="$last_change" 'BEGIN {exit !(a - b > 1.0)}'; then break; fi
  done
  awk -v n="$((last - before))" -v a="$start" -v b="$last_change" -v p="$protocol" \
    'BEGIN {printf "== %s stored: %d records in %.2f s = %.0f records/s\n", p, n, b - a, n / (b - a)}'
  echo "== server peak RSS: $(peak_rss)"
  pid=$WEFT_PID
  kill -TERM "$pid"
  rc=0
  wait "$pid" || rc=$?
  WEFT_PID=""
  echo "== weft exited with $rc"
  stop_weft
  [ "$rc" = 0 ]
done
