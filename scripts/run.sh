#!/usr/bin/env bash
# `make run`: starts `weft serve` with its defaults and, unless DEMO=0, `weft demo` feeding it,
# so a newcomer has live traces and logs to explore at once. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
WEFT=${BUILD_DIR:-build}/weft
API=http://127.0.0.1:3100

"$WEFT" serve &
serve_pid=$!
demo_pid=""
stop() {
  [ -n "$demo_pid" ] && kill -TERM "$demo_pid" 2>/dev/null || true
  kill -TERM "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
}
trap stop EXIT INT TERM

for _ in $(seq 1 600); do
  kill -0 "$serve_pid" 2>/dev/null || { echo "weft serve exited; see its log above" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/ready" || true)" = 200 ] && break
  sleep 0.1
done

if [ "${DEMO:-1}" != 0 ]; then
  "$WEFT" demo &
  demo_pid=$!
fi
cat <<MSG

  weft is running.  Open the UI: $API/
  Query API: $API   OTLP/HTTP: http://127.0.0.1:4318   OTLP/gRPC: 127.0.0.1:4317
  $( [ -n "$demo_pid" ] && echo "weft demo is sending a simulated shop's traces and logs (DEMO=0 make run to skip it)." )
  Try:  curl -s '$API/api/v1/services'
        curl -s '$API/api/v1/logs?severity=error&limit=5'
  Ctrl-C stops everything.

MSG
wait "$serve_pid"
