#!/usr/bin/env bash
# LogQL query benchmark (docs/benchmarks.md, "LogQL"): starts `weft serve` on free 127.0.0.1
# ports with a temporary data dir, loads RECORDS synthetic service logs (~300 bytes, 8
# services x 8 instances, 4% ERROR) spread over the last 24 h with `weft loadgen`, then times
# the three queries of the LogQL issue through /loki/api/v1/query(_range), REPEAT times each,
# and prints the median wall time with the engine's own figures (lines and bytes read,
# throughput). Stops the server (SIGTERM, by PID) at the end.
#
# Environment: BUILD_DIR (build), RECORDS (10000000), REPEAT (5), CONNECTIONS (4),
# MEMORY_BUDGET (16GiB).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
RECORDS=${RECORDS:-10000000}
REPEAT=${REPEAT:-5}
CONNECTIONS=${CONNECTIONS:-4}
MEMORY_BUDGET=${MEMORY_BUDGET:-16GiB}

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
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/weft-logql-bench.XXXXXX")
LOG="$DATA_DIR.log"
WEFT_PID=""

cleanup() {
  if [ -n "$WEFT_PID" ] && kill -0 "$WEFT_PID" 2>/dev/null; then
    kill -TERM "$WEFT_PID" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$WEFT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$WEFT_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR" "$LOG"
}
trap cleanup EXIT

"$WEFT" serve --data-dir "$DATA_DIR" --listen "127.0.0.1:$API_PORT" --otlp-http-listen "127.0.0.1:$OTLP_PORT" \
  --limits-memory-budget-bytes "$MEMORY_BUDGET" --wal-fsync false --query-timeout 5m \
  --query-max-memory-bytes 4GiB >"$LOG" 2>&1 &
WEFT_PID=$!
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$API_PORT/ready" || true)" = "200" ] && break
  sleep 0.1
done

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "== loading $RECORDS records over 24h ($CONNECTIONS connections)"
"$WEFT" loadgen --endpoint "http://127.0.0.1:$OTLP_PORT" --records "$RECORDS" --time-spread 24h \
  --connections "$CONNECTIONS" --seed 7 | tail -n 3
echo "== server RSS after loading: $(awk '/VmRSS/ {print $2 " " $3}' "/proc/$WEFT_PID/status")"

API="http://127.0.0.1:$API_PORT"
NOW_NS=$(($(date +%s) * 1000000000))
DAY_NS=$((NOW_NS - 86400 * 1000000000 - 60 * 1000000000))
HOUR_NS=$((NOW_NS - 3600 * 1000000000))

# Runs one query REPEAT times; prints the median wall time and the engine's figures.
run() {
  local name=$1 path=$2; shift 2
  local times=() body
  for _ in $(seq 1 "$REPEAT"); do
    body=$(curl -s -w '\n%{time_total}' -G "$API$path" "$@")
    times+=("$(printf '%s' "$body" | tail -n 1)")
  done
  printf '%s' "$body" | head -n -1 | node -e '
    let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => {
      const [name, ...times] = process.argv.slice(1);
      const sorted = times.map(Number).sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] * 1000;
      let r; try { r = JSON.parse(s); } catch { console.log(`${name}: not JSON: ${s.slice(0, 200)}`); return; }
      const sum = r.data.stats.summary;
      const n = r.data.resultType === "streams" ? r.data.result.reduce((a, x) => a + x.values.length, 0) : r.data.result.length;
      console.log(`${name}: median ${median.toFixed(1)} ms over ${times.length} runs; ` +
        `${n} ${r.data.resultType === "streams" ? "entries" : "series"}; engine: ${sum.totalLinesProcessed} lines, ` +
        `${(sum.totalBytesProcessed / 1e6).toFixed(1)} MB read in ${(sum.execTime * 1000).toFixed(1)} ms ` +
        `(${(sum.totalBytesProcessed / 1e9 / Math.max(sum.execTime, 1e-9)).toFixed(2)} GB/s)`);
    });' "$name" "${times[@]}"
}

echo "== queries"
run "rare word over 24h, limit 100 " /loki/api/v1/query_range \
  --data-urlencode 'query={service_name=~".+"} |= "xq-needle-not-there"' \
  --data-urlencode "start=$DAY_NS" --data-urlencode "end=$NOW_NS" --data-urlencode 'limit=100'
run "sum by service count 24h     " /loki/api/v1/query \
  --data-urlencode 'query=sum by (service_name) (count_over_time({service_name=~".+"}[24h]))' \
  --data-urlencode "time=$NOW_NS"
run "errors of one service, 1h    " /loki/api/v1/query_range \
  --data-urlencode 'query={service_name="payment"} | detected_level="error"' \
  --data-urlencode "start=$HOUR_NS" --data-urlencode "end=$NOW_NS" --data-urlencode 'limit=100'

echo "== stopping weft (pid $WEFT_PID)"
kill -TERM "$WEFT_PID"
rc=0
wait "$WEFT_PID" || rc=$?
WEFT_PID=""
echo "== weft exited with $rc"
[ "$rc" = 0 ]
