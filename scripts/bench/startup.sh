# scripts/bench.sh startup: how fast Berth shows a busy engine's containers, next to `docker ps -a`.
#
# Creates 200 stopped containers and 50 tiny images (all labelled, removed afterwards), then
#  - launches Berth as scripts/run.sh does (same JVM options and class-data archive), in a real
#    window (Xvfb when there is no display, with JavaFX's software pipeline as in the tests), and
#    times launch -> the containers table laid out with the first full list (Berth prints a marker
#    line when -Dberth.startupMarker=true); a first launch writes the class-data archive as
#    run.sh's first launch does, then the median of BERTH_BENCH_RUNS launches (default 3) counts;
#  - times `docker ps -a` on the same engine (median of 5);
#  - reads Berth's resident memory once it has been idle for a few seconds.
# Prints last: startup: containers=200 berth_s=<s> cli_s=<s> rss_mb=<MB>

containers=${BERTH_BENCH_CONTAINERS:-200}
images=${BERTH_BENCH_IMAGES:-50}
runs=${BERTH_BENCH_RUNS:-3}
run_id="bench-$(date +%s)-$$"
label="dev.berth.bench=$run_id"
work=$(mktemp -d)
xvfb_pid=""
berth_pid=""

now_ms() { date +%s%3N; }

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

startup_cleanup() {
  set +e
  if [ -n "$berth_pid" ]; then kill "$berth_pid" 2>/dev/null; wait "$berth_pid" 2>/dev/null; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; fi
  log "removing what the benchmark created ($label)"
  remove_labelled_containers "$label"
  docker images -q --filter "label=$label" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap startup_cleanup EXIT

# The base image the tests share; built once, never removed.
if ! docker image inspect berth-test/busybox:1 >/dev/null 2>&1; then
  busybox=$(command -v busybox || echo /bin/busybox)
  mkdir -p "$work/busybox" && cp "$busybox" "$work/busybox/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/sh"]\n' \
    > "$work/busybox/Dockerfile"
  docker build -q --label dev.berth.test.base=busybox -t berth-test/busybox:1 "$work/busybox" >/dev/null
fi

log "creating $images images and $containers stopped containers ($label)"
mkdir -p "$work/img"
# Each image is one tiny file imported FROM scratch, different per image, so each is its own image.
seq 1 "$images" | xargs -P 4 -I{} sh -c '
  d="$1/img/{}"; mkdir -p "$d"; echo "image {} of $2" > "$d/hello.txt"
  tar -C "$d" -cf - hello.txt | docker import --change "LABEL $3" - "berth-bench/$2:img{}" >/dev/null
' _ "$work" "$run_id" "$label"
seq 1 "$containers" | xargs -P 8 -I{} sh -c '
  n={}; img=$(( (n - 1) % $3 + 1 ))
  docker create --label "$2" --name "berth-bench-$1-$n" "berth-bench/$1:img$img" /hello >/dev/null
' _ "$run_id" "$label" "$images"
created=$(docker ps -aq --filter "label=$label" | wc -l)
[ "$created" -eq "$containers" ] || { log "created $created containers, wanted $containers"; exit 1; }

log "timing docker ps -a (5 runs)"
docker ps -a >/dev/null
cli_runs=""
for _ in 1 2 3 4 5; do
  t0=$(now_ms); docker ps -a >/dev/null; t1=$(now_ms)
  cli_runs="$cli_runs $(( t1 - t0 ))"
done
cli_ms=$(echo $cli_runs | tr ' ' '\n' | median)

./mvnw -B -q -ntp -DskipTests package
lib=app/target/lib
fx=$(ls "$lib"/javafx-*-*.jar | tr '\n' ':')
cp="app/target/berth.jar:$(ls "$lib"/*.jar | grep -v '/javafx-' | tr '\n' ':')"

if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
  done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi

# Launches Berth and waits for its marker; sets berth_pid and last_ms (launch to table, in ms).
launch_berth() {
  local out="$work/berth-$1.out" t0 marker
  : >"$out"
  t0=$(now_ms)
  java ${BERTH_JAVA_OPTS:-$BERTH_DEFAULT_JAVA_OPTS} $(berth_cds_opts app/target/berth.jsa app/target/berth.jar "$lib") \
    -Dprism.order=sw --module-path "$fx" --add-modules javafx.controls \
    -Dberth.startupMarker=true "-Dberth.startupMarker.label=$label" -cp "$cp" dev.berth.app.Main >"$out" 2>"$work/berth-$1.err" &
  berth_pid=$!
  for _ in $(seq 1 600); do
    marker=$(grep -m1 '^berth-startup:' "$out" || true)
    [ -n "$marker" ] && break
    kill -0 "$berth_pid" 2>/dev/null || { log "Berth exited early:"; cat "$work/berth-$1.err" >&2; exit 1; }
    sleep 0.05
  done
  [ -n "$marker" ] || { log "no startup marker after 30 s"; exit 1; }
  shown=$(echo "$marker" | sed -n 's/.* labelled=\([0-9]*\).*/\1/p')
  last_ms=$(( $(echo "$marker" | sed -n 's/.*epoch_ms=\([0-9]*\).*/\1/p') - t0 ))
  log "launch $1: table laid out after ${last_ms} ms with all $shown benchmark containers ($marker)"
  [ "$shown" -eq "$containers" ] || { log "Berth listed $shown of the $containers containers"; exit 1; }
}

launch_berth first
first_ms=$last_ms
kill "$berth_pid"; wait "$berth_pid" 2>/dev/null || true; berth_pid=""
berth_runs=""
for i in $(seq 1 "$runs"); do
  launch_berth "$i"
  berth_runs="$berth_runs $last_ms"
  if [ "$i" -lt "$runs" ]; then
    kill "$berth_pid"; wait "$berth_pid" 2>/dev/null || true; berth_pid=""
  fi
done
berth_ms=$(echo $berth_runs | tr ' ' '\n' | median)

sleep "${BERTH_BENCH_IDLE_S:-5}"
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$berth_pid/status")
kill "$berth_pid"; wait "$berth_pid" 2>/dev/null || true; berth_pid=""

log "berth first launch (writes the class-data archive): $first_ms ms; then (ms):$berth_runs; docker ps -a (ms):$cli_runs"
awk -v c="$containers" -v b="$berth_ms" -v l="$cli_ms" -v r="$rss_kb" \
  'BEGIN { printf "startup: containers=%d berth_s=%.2f cli_s=%.3f rss_mb=%d\n", c, b / 1000, l / 1000, r / 1024 }'
