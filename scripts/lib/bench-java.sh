# Builds Berth with its test classes once and runs a benchmark harness class from them in a real
# window (Xvfb when there is no display). Harness classes live in app/src/test/java/dev/berth/bench.

. scripts/lib/java-opts.sh

bench_build() {
  [ -n "${BERTH_BENCH_CP:-}" ] && return 0
  log "building Berth for the benchmark"
  # One reactor run, so app's classpath points at the sibling modules' fresh jars (nothing is installed).
  ./mvnw -B -q -ntp -DskipTests -pl app -am package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
  BERTH_BENCH_CP="app/target/classes:app/target/test-classes:$(cat app/target/bench-classpath.txt)"
  export BERTH_BENCH_CP
}

# bench_java <main class> [args...]: JVM options as the shipped app uses them unless BERTH_JAVA_OPTS says otherwise.
bench_java() {
  bench_build
  local main=$1
  shift
  with_display java ${BERTH_JAVA_OPTS:-$BERTH_DEFAULT_JAVA_OPTS} -Dprism.order=sw \
    -cp "$BERTH_BENCH_CP" "$main" "$@"
}
