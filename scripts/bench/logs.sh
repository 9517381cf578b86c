# scripts/bench.sh logs [lines]: a container writes N lines of ~100 bytes (every tenth with ANSI
# colours); then, in one run, `docker logs` reads them into /dev/null and Berth's containers logs
# pane reads them (engine stream, demux, ANSI parse, the log view's model, in a real window).
# Sourced by scripts/bench.sh, which has checked the engine.
. scripts/lib/test-image.sh
lines=${1:-1000000}
run_label="dev.berth.test=bench-logs-$$"
ensure_busybox_image
bench_build

trap 'remove_labelled_containers "$run_label"' EXIT

log "writing $lines log lines in a test container"
program='BEGIN {
  esc = sprintf("%c", 27)
  for (i = 1; i <= N; i++) {
    if (i % 10 == 0)
      printf "%s[32mINFO%s[0m %s[1mworker-%d%s[0m request %08d handled in %3d ms path=/api/v1/items/%06d ok\n", esc, esc, esc, i % 8, esc, i, i % 997, i % 100000
    else
      printf "INFO worker-%d request %08d handled in %3d ms path=/api/v1/items/%06d status=200 bytes=%06d ok\n", i % 8, i, i % 997, i % 100000, i % 65536
  }
}'
ctr=$(docker create --label "$run_label" "$BERTH_BUSYBOX_IMAGE" awk -v "N=$lines" "$program")
docker start -a "$ctr" >/dev/null
last=$(printf 'request %08d ' "$lines")

log "docker logs (CLI) reading $lines lines"
cli_times=$( { TIMEFORMAT='%R %U %S'; time docker logs "$ctr" >/dev/null 2>&1; } 2>&1 )
cli_s=$(echo "$cli_times" | awk '{ printf "%.2f", $1 }')
log "docker logs: $cli_s s, CPU $(echo "$cli_times" | awk '{ printf "%.2f", $2 + $3 }') s"
# Berth asks for the engine's timestamps (they let a broken stream resume exactly after the last
# line); the engine spends noticeably more CPU sending them. For context, the CLI reading that stream:
cli_ts_s=$( { TIMEFORMAT='%R'; time docker logs -t "$ctr" >/dev/null 2>&1; } 2>&1 )
log "docker logs -t (the timestamped stream Berth reads): $cli_ts_s s"

log "Berth reading $lines lines into the logs pane"
out=$(bench_java dev.berth.bench.LogsBench "$ctr" "$last")
# BERTH_BENCH_TRACE=1 also prints every slow pulse and each thread's CPU time.
[ -n "${BERTH_BENCH_TRACE:-}" ] && echo "$out" >&2
berth=$(echo "$out" | grep '^berth:' | tail -n 1)
[ -n "$berth" ] || { log "the Berth harness printed no result"; exit 1; }
log "$berth"
berth_s=$(echo "$berth" | sed -E 's/.*berth_s=([0-9.]+).*/\1/')
stall=$(echo "$berth" | sed -E 's/.*max_fx_stall_ms=([0-9]+).*/\1/')
heap=$(echo "$berth" | sed -E 's/.*heap_mb=([0-9]+).*/\1/')
ratio=$(awk -v b="$berth_s" -v c="$cli_s" 'BEGIN { printf "%.2f", b / c }')
echo "logs: lines=$lines berth_s=$berth_s cli_s=$cli_s ratio=$ratio max_fx_stall_ms=$stall heap_mb=$heap"
