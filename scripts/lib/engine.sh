# Shared by scripts/test.sh and scripts/bench.sh: make sure a container engine answers and the
# tools the tests use are present. Installs only what is missing (Debian/Ubuntu, as root).

log() { printf '[berth] %s\n' "$*" >&2; }

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1
}

# apt-get install the packages that are not installed yet; no-op when all are.
install_missing() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "missing packages: ${missing[*]} (install them, or run this script as root on Debian/Ubuntu)"
    return 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A stale or missing package index is the usual cause of "Unable to locate package".
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Starts dockerd in the background when this machine's engine does not answer.
ensure_engine() {
  if engine_answers; then
    log "using the running engine: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null)"
    return 0
  fi
  install_missing docker.io
  log "starting dockerd"
  # Leftovers from a previous machine run make dockerd and containerd refuse to start.
  rm -f /var/run/docker.pid /run/docker.pid /run/docker/containerd/containerd.pid \
        /var/run/docker/containerd/containerd.pid
  nohup dockerd >/var/log/berth-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    if engine_answers; then
      log "dockerd is up: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
      return 0
    fi
    sleep 1
  done
  log "dockerd did not come up; its log:"
  tail -n 50 /var/log/berth-dockerd.log >&2 || true
  return 1
}

# Everything else the tests use: a JDK, the static busybox for FROM-scratch test images, and an
# X server for the real JavaFX window when there is no display.
ensure_test_tools() {
  command -v java >/dev/null 2>&1 || install_missing openjdk-17-jdk-headless
  [ -x /usr/bin/busybox ] || [ -x /bin/busybox ] || [ -n "${BERTH_BUSYBOX:-}" ] || install_missing busybox-static
  if ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0'; then install_missing libgtk-3-0; fi
  if ! ldconfig -p 2>/dev/null | grep -q 'libXtst.so.6'; then install_missing libxtst6; fi
  if ! ldconfig -p 2>/dev/null | grep -q 'libGL.so.1'; then install_missing libgl1; fi
  if [ -z "${DISPLAY:-}" ]; then install_missing xvfb xauth; fi
  # Registry tests start Debian's registry on 127.0.0.1 with htpasswd auth.
  command -v docker-registry >/dev/null 2>&1 || install_missing docker-registry
  command -v htpasswd >/dev/null 2>&1 || install_missing apache2-utils
}

# Runs a command in the real display if there is one, else in a fresh Xvfb.
with_display() {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
  fi
}

# remove_labelled_containers key=value: removes every container carrying the label (benchmark cleanup).
remove_labelled_containers() {
  docker ps -aq --filter "label=$1" | xargs -r -n 50 docker rm -f >/dev/null 2>&1 || true
}
