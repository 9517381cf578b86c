# The FROM-scratch busybox image benchmarks run (the same one the tests build): no registry needed.
BERTH_BUSYBOX_IMAGE=berth-test/busybox:1

ensure_busybox_image() {
  docker image inspect "$BERTH_BUSYBOX_IMAGE" >/dev/null 2>&1 && return 0
  local bin=${BERTH_BUSYBOX:-}
  [ -z "$bin" ] && for b in /usr/bin/busybox /bin/busybox; do [ -x "$b" ] && bin=$b && break; done
  [ -n "$bin" ] || { log "no static busybox binary (install busybox-static)"; return 1; }
  local dir
  dir=$(mktemp -d)
  cp "$bin" "$dir/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/sh"]\n' >"$dir/Dockerfile"
  log "building $BERTH_BUSYBOX_IMAGE"
  docker build -q --label dev.berth.test.base=busybox -t "$BERTH_BUSYBOX_IMAGE" "$dir" >/dev/null
  rm -rf "$dir"
}
