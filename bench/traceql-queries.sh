#!/usr/bin/env bash
# TraceQL query benchmark: builds weft, starts `weft serve` on free 127.0.0.1 ports with a
# temporary data dir, loads SPANS synthetic spans with `weft loadgen --signal traces` spread
# over the last hour, then times each query below through Tempo's HTTP API (curl, RUNS runs
# each; prints min and median wall time and what the query inspected), and stops the server
# (SIGTERM, by PID). See docs/benchmarks.md.
#
#   bench/traceql-queries.sh
#
# Environment: BUILD_DIR (build), SPANS (200000), RUNS (5), FLUSH (1: wait for the memtable to
# be flushed to parts so queries read parts; 0: query the memtable).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
SPANS=${SPANS:-200000}
RUNS=${RUNS:-5}
FLUSH=${FLUSH:-1}

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --target weft >/dev/null
WEFT="$BUILD_DIR/weft"

free_port() {
  node -e 'const s=require("net").createServer(); s.listen(0,"127.0.0.1",()=>{console.log(s.address().port); s.close()})'
}
API_PORT=$(free_port)
OTLP_PORT=$(free_port)
while [ "$OTLP_PORT" = "$API_PORT" ]; do OTLP_PORT=$(free_port); done
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/weft-bench-traceql.XXXXXX")
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

"$WEFT" serve --data-dir "$DATA_DIR" --listen "127.0.0.1:$API_PORT" \
  --otlp-http-listen "127.0.0.1:$OTLP_PORT" --otlp-grpc-listen '' \
  --storage-flush-interval 1s >"$LOG" 2>&1 &
WEFT_PID=$!
API="http://127.0.0.1:$API_PORT"
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/ready" || true)" = 200 ] && break
  kill -0 "$WEFT_PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.1
done

echo "== machine: $(nproc) cores, $(uname -sr)"
echo "== loading $SPANS synthetic spans over the last hour"
"$WEFT" loadgen --signal traces --endpoint "http://127.0.0.1:$OTLP_PORT" --records "$SPANS" \
  --time-spread 1h --seed 42 --connections 2 | tail -n 2
if [ "$FLUSH" = 1 ]; then
  # The flush interval moves the memtable into parts; wait until no spans are left unflushed.
  sleep 5
fi

END=$(date +%s)
START=$((END - 3700))
SERVICE=$(curl -s "$API/api/v2/search/tag/resource.service.name/values?start=$START&end=$END" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).tagValues[0].value))')

time_query() {  # path, query
  local path=$1 q=$2 times=() body
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(curl -s -o "$DATA_DIR.out" -w '%{time_total}' -G "$API$path" \
      --data-urlencode "q=$q" --data-urlencode "start=$START" --data-urlencode "end=$END" \
      --data-urlencode "limit=20" --data-urlencode "step=60s")")
  done
  body=$(node -e 'const b=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
    const m=b.metrics||{}; console.log(`traces=${(b.traces||[]).length} series=${(b.series||[]).length} inspectedTraces=${m.inspectedTraces} inspectedSpans=${m.inspectedSpans}`)' "$DATA_DIR.out" 2>/dev/null || head -c 200 "$DATA_DIR.out")
  printf '%s\n' "${times[@]}" | sort -n | awk -v q="$q" -v b="$body" \
    '{ t[NR] = $1 } END { printf "%8.1f ms min %8.1f ms median  %s\n           %s\n", t[1]*1000, t[int((NR+1)/2)]*1000, q, b }'
}

echo "== TraceQL over the last hour ($RUNS runs each; service $SERVICE)"
time_query /api/search '{}'
time_query /api/search "{ resource.service.name = \"$SERVICE\" }"
time_query /api/search '{ status = error }'
time_query /api/search '{ duration > 500ms }'
time_query /api/search '{ span.http.response.status_code >= 500 || name =~ "GET.*" }'
time_query /api/search '{ } | count() > 3'
time_query /api/search '{ kind = server } > { kind = client }'
time_query /api/metrics/query_range '{ } | rate() by (resource.service.name)'
time_query /api/metrics/query_range '{ kind = server } | quantile_over_time(duration, 0.5, 0.99)'
echo "== server peak RSS: $(awk '/VmHWM/ {print $2 " " $3}' "/proc/$WEFT_PID/status")"
