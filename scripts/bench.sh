#!/usr/bin/env bash
# Benchmarks: Berth measured side by side with the docker CLI on the same engine, in one run.
#   scripts/bench.sh <name> [args]     names: the files in scripts/bench/ (startup, logs, stats, layers)
# Each prints its result line last, e.g. "startup: containers=200 berth_s=... cli_s=... rss_mb=...".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/engine.sh
. scripts/lib/bench-java.sh

name=${1:-}
if [ -z "$name" ] || [ ! -f "scripts/bench/$name.sh" ]; then
  echo "usage: scripts/bench.sh <name>   where name is one of: $(cd scripts/bench && ls -- *.sh 2>/dev/null | sed 's/[.]sh$//' | paste -sd' ' -)" >&2
  exit 2
fi
shift
ensure_test_tools
ensure_engine
. "scripts/bench/$name.sh" "$@"
