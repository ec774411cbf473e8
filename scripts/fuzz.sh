#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/, seeds a corpus for each, and runs
# each target for SECONDS seconds (default 60). Exits non-zero if any target crashes, hangs or
# trips a sanitizer; the input that did it is kept in build-fuzz/crashes/<target>/.
#
#   scripts/fuzz.sh 300        (or: FUZZ_SECONDS=300 make fuzz)
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
targets=(otlp_proto_fuzz otlp_json_fuzz loki_push_proto_fuzz loki_push_json_fuzz
         prometheus_labels_fuzz elastic_bulk_fuzz splunk_hec_fuzz syslog_fuzz jsonlines_fuzz
         logql_parser_fuzz label_selector_fuzz storage_admin_files_fuzz traceql_parser_fuzz)

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWEFT_FUZZ=ON -DWEFT_TESTS=OFF >/dev/null
cmake --build "$build" --target "${targets[@]}" otlp_fuzz_seeds loki_fuzz_seeds

"$build/fuzz/otlp_fuzz_seeds" "$build/corpus/otlp_proto_fuzz" "$build/corpus/otlp_json_fuzz"
"$build/fuzz/loki_fuzz_seeds" "$build/corpus/loki_push_proto_fuzz" \
  "$build/corpus/loki_push_json_fuzz" "$build/corpus/prometheus_labels_fuzz"
# Delete-request selectors, a DELETES body and a SUMS body (the target adds the checksum line).
mkdir -p "$build/corpus/label_selector_fuzz" "$build/corpus/storage_admin_files_fuzz"
printf '%s' '{service_name="checkout", env=~"prod|dev"} |= "secret"' >"$build/corpus/label_selector_fuzz/seed1"
printf '%s' '{a!="x",b!~`y.*`}' >"$build/corpus/label_selector_fuzz/seed2"
printf '%s\n' '{"format":"weft-deletes","version":1,"next_id":2,"requests":[{"id":1,"tenant":"t","signal":"logs","start":0,"end":9,"query":"{a=\"b\"}","created_at":1,"status":"received","processed_at":0,"rows_deleted":0}]}' \
  >"$build/corpus/storage_admin_files_fuzz/deletes"
printf '%s\n' '00000000000000ff 12 parts/t/2026-11-22/logs-0000000001/meta.bin' '0123456789abcdef 7 MANIFEST' \
  >"$build/corpus/storage_admin_files_fuzz/sums"

for seeds in "$root"/fuzz/seeds/*/; do  # targets whose seeds are files in the tree
  target="$(basename "$seeds")"
  mkdir -p "$build/corpus/$target"
  cp -n "$seeds"* "$build/corpus/$target/"
done

# Undefined behaviour stops a target (and so fails the run) instead of being printed only.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

# LogQL seeds: every query of the golden tests, one file each.
mkdir -p "$build/corpus/logql_parser_fuzz"
n=0
for f in "$root"/tests/logql/golden/*.txt; do
  while IFS= read -r q; do
    n=$((n + 1))
    printf '%s' "$q" > "$build/corpus/logql_parser_fuzz/golden-$n"
  done < <(sed -n 's/^query: //p' "$f")
done

# TraceQL seeds: the golden queries, good and bad, one file each.
mkdir -p "$build/corpus/traceql_parser_fuzz"
n=0
for golden in "$root"/tests/golden/traceql/*.txt; do
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    printf '%s' "$line" >"$build/corpus/traceql_parser_fuzz/golden-$n"
  done <"$golden"
done

failed=0
for target in "${targets[@]}"; do
  crashes="$build/crashes/$target"
  log="$build/$target.log"
  mkdir -p "$crashes"
  args=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$crashes/")
  if [ -f "$root/fuzz/$target.dict" ]; then args+=(-dict="$root/fuzz/$target.dict"); fi
  echo "fuzzing $target for ${seconds}s (log: $log)"
  if "$build/fuzz/$target" "${args[@]}" "$build/corpus/$target" >"$log" 2>&1; then
    echo "  ok: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" || true)"
  else
    echo "  FAILED: $target found a crash; see $log and $crashes/" >&2
    grep -m5 -E 'ERROR|SUMMARY|deadly signal|Test unit written' "$log" >&2 || true
    failed=1
  fi
done
exit "$failed"
