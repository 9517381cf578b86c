#!/usr/bin/env bash
# The test command: installs what the tests need (idempotent), makes sure a container engine
# answers (starting dockerd if none does), then builds Berth and runs every test, UI tests in a
# real window (Xvfb when there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/engine.sh

ensure_test_tools
ensure_engine

with_display ./mvnw -B -ntp verify "$@"
