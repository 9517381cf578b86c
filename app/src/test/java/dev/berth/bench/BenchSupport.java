package dev.berth.bench;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Notifier;
import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the benchmark harnesses share: a watchdog, the engine, the app's services. */
final class BenchSupport {

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

    /** This machine's engine, connected. */
    static Engine connectedEngine() throws InterruptedException {
        Engine engine = Engine.forThisMachine();
        engine.start();
        if (!engine.awaitConnected(Duration.ofSeconds(30))) {
            throw new IllegalStateException("no engine answered");
        }
        return engine;
    }

    /** CPU nanoseconds each live thread has used so far, by thread ID. */
    static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (long tid : threads.getAllThreadIds()) {
            out.put(tid, threads.getThreadCpuTime(tid));
        }
        return out;
    }

    /**
     * Prints the CPU each thread used since {@code before} (from {@link #threadCpu()}; empty: since it
     * started), at least {@code minMillis}, threads of one kind added up ("berth-stats-*").
     */
    static void printThreadCpu(String prefix, Map<Long, Long> before, long minMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> used = new TreeMap<>();
        for (long tid : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(tid);
            long millis = (threads.getThreadCpuTime(tid) - before.getOrDefault(tid, 0L)) / 1_000_000;
            if (info != null && millis >= minMillis) {
                used.merge(info.getThreadName().replaceAll("[0-9a-f]{12}$|[0-9]+$", "*"), millis, Long::sum);
            }
        }
        used.forEach((name, ms) -> System.out.println(prefix + "thread cpu " + ms + " ms " + name));
    }

    /** The app's services for a harness window: callbacks on the FX thread, no notifications. */
    static AppServices services(Engine engine) {
        return new AppServices(engine, BackgroundExecutor.forFx(), Notifier.silent());
    }
}
