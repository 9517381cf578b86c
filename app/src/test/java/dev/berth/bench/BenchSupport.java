package dev.berth.bench;

import dev.berth.app.CompilerPolicy;
import dev.berth.app.common.AppServices;
import dev.berth.testing.UiTestSupport;
import dev.berth.engine.Engine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the benchmark harnesses share: a watchdog, the engine, the app's services. */
final class BenchSupport {

    /** Linux counts thread CPU time in these per second (USER_HZ). */
    private static final long CLOCK_TICKS = 100;

    private BenchSupport() {
    }

    /** Ends the JVM after {@code limit}: a harness that hangs must not hang the benchmark script. */
    static void haltAfter(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                System.err.println("benchmark harness timed out");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** This machine's engine, connected; and the compiler policy Berth sets as it starts. */
    static Engine connectedEngine() throws InterruptedException {
        CompilerPolicy.apply();
        Engine engine = Engine.forThisMachine();
        engine.start();
        if (!engine.awaitConnected(Duration.ofSeconds(30))) {
            throw new IllegalStateException("no engine answered");
        }
        return engine;
    }

    /**
     * CPU milliseconds each thread of this process has used so far, by native thread name and ID.
     * Read from /proc, so the JVM's own threads (compilers, GC, VM thread) and the toolkit's native
     * threads are counted too, not only Java threads.
     */
    static Map<String, Long> threadCpu() {
        Map<String, Long> out = new HashMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return out;
        }
        for (File task : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                // "tid (name) state ..." where the name may hold spaces and parentheses.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                out.put(name + "#" + task.getName(), ticks * 1000 / CLOCK_TICKS);
            } catch (IOException | RuntimeException e) {
                // The thread ended while being read.
            }
        }
        return out;
    }

    /**
     * Prints the CPU each thread used since {@code before} (from {@link #threadCpu()}; empty: since it
     * started), at least {@code minMillis}, threads of one kind added up ("berth-stats-*").
     */
    static void printThreadCpu(String prefix, Map<String, Long> before, long minMillis) {
        Map<String, Long> used = new TreeMap<>();
        threadCpu().forEach((key, millis) -> used.merge(
                key.substring(0, key.lastIndexOf('#')).replaceAll("[0-9a-f]{6,12}$|[0-9]+$", "*"),
                millis - before.getOrDefault(key, 0L), Long::sum));
        used.forEach((name, ms) -> {
            if (ms >= minMillis) {
                System.out.println(prefix + "thread cpu " + ms + " ms " + name);
            }
        });
    }

    /** The app's services for a harness window: callbacks on the FX thread, no notifications. */
    static AppServices services(Engine engine) {
        return UiTestSupport.services(engine);
    }
}
