# scripts/bench.sh stats [containers] [seconds]: busy test containers shown in Berth's containers
# table with live CPU and memory, while `docker stats` shows the same containers; prints the CPU
# seconds each used over the same window. Sourced by scripts/bench.sh, which has checked the engine.
. scripts/lib/test-image.sh
count=${1:-30}
seconds=${2:-60}
run_label="dev.berth.test=bench-stats-$$"
ensure_busybox_image
bench_build

trap 'remove_labelled_containers "$run_label"' EXIT

log "starting $count busy test containers"
for i in $(seq 1 "$count"); do
  # Busy but not saturating: a burst of work, then a pause, so numbers move every second.
  docker run -d --label "$run_label" --name "berth-bench-stats-$$-$i" "$BERTH_BUSYBOX_IMAGE" \
    sh -c 'trap "exit 0" TERM; while true; do seq 1 3000 > /dev/null; sleep 0.3; done' >/dev/null
done

log "Berth's containers table and docker stats, side by side for $seconds s"
result=$(bench_java dev.berth.bench.StatsBench "$run_label" "$seconds" | grep -E '^(berth|stats):')
echo "$result" | grep '^berth:' >&2 || true
echo "$result" | grep '^stats:' | tail -n 1
