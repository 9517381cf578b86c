# scripts/bench.sh layers: `docker save <img> > /dev/null` (the floor: the engine must produce the
# tar) against Berth's full analysis of the same image, on an image built FROM the busybox test
# image with ~50,000 small files and a 300 MB file over 6 layers that overwrite and delete earlier
# files. Three of each, interleaved; medians. Prints last:
#   layers: files=<n> bytes=<n> berth_s=<s> floor_s=<s> ratio=<berth/floor> peak_heap_mb=<MB>
# Sourced by scripts/bench.sh (engine and tools are ready, bench_java is defined).

layers_run=$(date +%s)-$$
layers_image="berth-bench/layers:$layers_run"
layers_ctx=$(mktemp -d)
layers_cleanup() {
  docker rmi -f "$layers_image" >/dev/null 2>&1 || true
  rm -rf "$layers_ctx"
}
trap layers_cleanup EXIT

if ! docker image inspect berth-test/busybox:1 >/dev/null 2>&1; then
  log "building the busybox test image"
  busybox_ctx=$(mktemp -d)
  cp "${BERTH_BUSYBOX:-$(command -v busybox)}" "$busybox_ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/sh"]\n' \
    > "$busybox_ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t berth-test/busybox:1 --label dev.berth.test.base=busybox "$busybox_ctx" \
    >/dev/null 2>"$busybox_ctx/build.log" || { cat "$busybox_ctx/build.log" >&2; exit 1; }
  rm -rf "$busybox_ctx"
fi

cat > "$layers_ctx/Dockerfile" <<'DOCKERFILE'
FROM berth-test/busybox:1
RUN mkdir /data && cd /data && for d in $(seq 0 49); do mkdir d$d; for f in $(seq 0 999); do echo "file $d $f" > d$d/f$f.txt; done; done
RUN dd if=/dev/urandom of=/blob.bin bs=1M count=300 2>/dev/null
RUN for d in 0 1 2 3 4; do for f in $(seq 0 999); do echo "rewritten $d $f" > /data/d$d/f$f.txt; done; done
RUN rm -rf /data/d45 /data/d46 /data/d47 /data/d48 /data/d49 && rm /data/d10/f1.txt
RUN rm -rf /data/d40 && mkdir /data/d40 && echo fresh > /data/d40/only.txt
RUN mkdir /extra && for f in $(seq 0 1999); do echo "extra $f" > /extra/e$f.txt; done
DOCKERFILE
log "building the bench image $layers_image (50,000 files, 300 MB, 6 layers)"
DOCKER_BUILDKIT=0 docker build -q -t "$layers_image" --label dev.berth.bench="$layers_run" "$layers_ctx" \
  >/dev/null 2>"$layers_ctx/build.log" || { cat "$layers_ctx/build.log" >&2; exit 1; }
bench_build

log "warming the page cache with one save"
docker save "$layers_image" >/dev/null

layers_now() { date +%s.%N; }
layers_median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
floor_times=()
berth_times=()
peak=0
line=""
for i in 1 2 3; do
  t0=$(layers_now)
  docker save "$layers_image" >/dev/null
  t1=$(layers_now)
  floor_times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')")
  line=$(bench_java dev.berth.bench.LayersBench "$layers_image" | grep '^berth:' | tail -n 1)
  [ -n "$line" ] || { log "the Berth harness printed no result"; exit 1; }
  log "run $i: floor ${floor_times[-1]} s, $line"
  berth_times+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")")
  run_peak=$(sed -E 's/.*peak_heap_mb=([0-9]+).*/\1/' <<<"$line")
  [ "$run_peak" -gt "$peak" ] && peak=$run_peak
done
files=$(sed -E 's/.*files=([0-9]+).*/\1/' <<<"$line")
bytes=$(sed -E 's/.*bytes=([0-9]+).*/\1/' <<<"$line")
floor_s=$(printf '%s\n' "${floor_times[@]}" | layers_median)
berth_s=$(printf '%s\n' "${berth_times[@]}" | layers_median)
ratio=$(awk -v b="$berth_s" -v f="$floor_s" 'BEGIN {printf "%.2f", b / f}')
layers_cleanup
trap - EXIT
echo "layers: files=$files bytes=$bytes berth_s=$berth_s floor_s=$floor_s ratio=$ratio peak_heap_mb=$peak"
