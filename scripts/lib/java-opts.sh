# The JVM options Berth runs with, in one place (scripts/run.sh, the benchmarks, the installers).
#  -Xms32m: the JVM's default first heap is 1/64 of the machine's memory (256 MB on 16 GB); a
#   desktop app touches most of it before its first collection without needing it.
#  The heap free ratios hand unused heap back to the system after a collection.
#  javafx.animation.pulse=30: JavaFX's frame timer, which on Linux (GTK) wakes the app 60 times a
#   second even when nothing changes (its pause is not implemented there): 0.36 CPU s a minute for
#   an idle window here. At 30 that halves. Berth's own redraws are paced at 30 a second or less
#   (a streaming log at 30, charts and live table cells once a second); scrolling and the few
#   animations run at 30 frames a second too.
#  -XX:-UsePerfData: no hsperfdata file sampled every 50 ms (jps/jstat do not list Berth then).
BERTH_DEFAULT_JAVA_OPTS="-Xms32m -Xmx512m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Djavafx.animation.pulse=30 -XX:-UsePerfData"

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
