#!/usr/bin/env bash
# The run command: builds Berth (tests skipped) and starts it against the local engine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java-opts.sh
./mvnw -B -q -ntp -DskipTests package
lib=app/target/lib
# JavaFX goes on the module path (its supported configuration); everything else on the class path.
fx=$(ls "$lib"/javafx-*-*.jar | tr '\n' ':')
cp="app/target/berth.jar:$(ls "$lib"/*.jar | grep -v '/javafx-' | tr '\n' ':')"
exec java ${BERTH_JAVA_OPTS:-$BERTH_DEFAULT_JAVA_OPTS} $(berth_cds_opts app/target/berth.jsa app/target/berth.jar "$lib") \
  --module-path "$fx" --add-modules javafx.controls \
  -cp "$cp" dev.berth.app.Main "$@"
