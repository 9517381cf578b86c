# The JVM options Berth runs with, in one place (scripts/run.sh, the benchmarks, the installers).
#  -Xms32m: the JVM's default first heap is 1/64 of the machine's memory (256 MB on 16 GB); a
#   desktop app touches most of it before its first collection without needing it.
#  The heap free ratios hand unused heap back to the system after a collection.
BERTH_DEFAULT_JAVA_OPTS="-Xms32m -Xmx512m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"

# berth_cds_opts <archive> <jars...>: class-data sharing for Berth's own classes (JavaFX,
# docker-java, Jackson, ...), which cuts the time spent loading classes at start. Uses the archive
# when it is newer than every jar; otherwise (first run, or after a build) writes it when Berth exits.
berth_cds_opts() {
  local jsa=$1
  shift
  if [ -f "$jsa" ] && [ -z "$(find "$@" -newer "$jsa" -print -quit 2>/dev/null)" ]; then
    echo "-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$jsa"
    echo "-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
