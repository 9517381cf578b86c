package dev.berth.bench;

import dev.berth.app.common.AppServices;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.stats.StatsHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

/**
 * Berth's side of {@code scripts/bench.sh stats}, and the CLI's: Berth's main window shows the
 * containers table with live CPU and memory of the benchmark's busy containers while {@code
 * docker stats} runs on the same containers; both processes' CPU time is measured over the same
 * window. Prints {@code stats: containers=N berth_cpu_s=... cli_cpu_s=... ratio=...} last.
 *
 * <p>Arguments: the label (key=value) that marks the benchmark's containers, seconds to measure.
 */
public final class StatsBench {

    private StatsBench() {
    }

    public static void main(String[] args) throws Exception {
        String[] label = args[0].split("=", 2);
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        BenchSupport.haltAfter(Duration.ofSeconds(seconds + 300));
        Engine engine = BenchSupport.connectedEngine();
        // The table shows every running container, so docker stats is given the same ones (on a
        // machine running nothing else, the benchmark's containers).
        List<String> ids = new ArrayList<>();
        int ours = 0;
        for (ContainerSummary c : engine.containers().list()) {
            if (c.state().isRunning()) {
                ids.add(c.id());
                if (label[1].equals(c.labels().get(label[0]))) {
                    ours++;
                }
            }
        }
        if (ids.size() != ours) {
            System.out.println("berth: note: " + (ids.size() - ours) + " other running containers are measured too");
        }
        AppServices services = BenchSupport.services(engine);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Scene[] scene = new Scene[1];
        Platform.runLater(() -> {
            MainWindow window = new MainWindow(services, new ThemeManager(null));
            Stage stage = new Stage();
            scene[0] = new Scene(window.root(), 1280, 900);
            new ThemeManager(null).install(scene[0]);
            stage.setScene(scene[0]);
            stage.setTitle("Berth stats benchmark");
            stage.show();
        });
        StatsHub hub = StatsHub.of(engine);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (hub.openStreams() < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (hub.openStreams() < ids.size()) {
            throw new IllegalStateException("the containers table watches " + hub.openStreams() + " of "
                    + ids.size() + " containers' stats");
        }
        List<String> command = new ArrayList<>(List.of("docker", "stats"));
        command.addAll(ids);
        Process cli = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // Both show live numbers for a minute before the clock starts: a table left open is
        // measured, not the JIT compiling the first minute.
        Thread.sleep(Long.getLong("bench.warmup.seconds", 60) * 1000);
        Map<String, Long> threadStart = BenchSupport.threadCpu();
        AtomicInteger pulses = new AtomicInteger();
        if (System.getenv("BERTH_BENCH_TRACE") != null) {
            printAnimations();
            Platform.runLater(() -> scene[0].addPostLayoutPulseListener(pulses::incrementAndGet));
        }
        Duration berthStart = cpu(ProcessHandle.current());
        Duration cliStart = cpu(cli.toHandle());
        Thread.sleep(seconds * 1000);
        if (System.getenv("BERTH_BENCH_TRACE") != null) {
            BenchSupport.printThreadCpu("berth: ", threadStart, 5);
            System.out.println("berth: pulses " + pulses.get() + " in " + seconds + " s");
        }
        Duration berthEnd = cpu(ProcessHandle.current());
        Duration cliEnd = cpu(cli.toHandle());
        int shown = percentCells(scene[0]);
        // docker stats outlives SIGTERM once its containers are gone; it must not linger and load
        // the next benchmark.
        cli.destroyForcibly().waitFor();
        double berthCpu = (berthEnd.toMillis() - berthStart.toMillis()) / 1000.0;
        double cliCpu = (cliEnd.toMillis() - cliStart.toMillis()) / 1000.0;
        System.out.println("berth: table cells showing CPU % = " + shown + ", stats streams = " + hub.openStreams());
        System.out.println(String.format(Locale.ROOT, "stats: containers=%d berth_cpu_s=%.2f cli_cpu_s=%.2f ratio=%.2f",
                ids.size(), berthCpu, cliCpu, berthCpu / cliCpu));
        Platform.exit();
        engine.close();
        System.exit(0);
    }

    /** What keeps pulses coming (running animations and animation timers), for tracing idle cost. */
    private static void printAnimations() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Object timer = Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
                timer = timer.getClass().getMethod("getPrimaryTimer").invoke(timer);
                Class<?> c = Class.forName("com.sun.scenario.animation.AbstractPrimaryTimer");
                for (String field : new String[] {"receivers", "animationTimers"}) {
                    java.lang.reflect.Field f = c.getDeclaredField(field);
                    f.setAccessible(true);
                    for (Object o : (Object[]) f.get(timer)) {
                        if (o != null) {
                            System.out.println("berth: running " + field + ": " + o);
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                System.out.println("berth: cannot list animations: " + e);
            }
            done.countDown();
        });
        done.await();
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow(() ->
                new IllegalStateException("no CPU time for process " + process.pid()));
    }

    /** How many table cells on screen show a CPU percentage (a sanity check that the table is live). */
    private static int percentCells(Scene scene) throws InterruptedException {
        AtomicInteger count = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            for (Node n : scene.getRoot().lookupAll(".tree-table-cell")) {
                if (n instanceof Labeled cell && shown(cell) && cell.getAccessibleText() != null
                        && cell.getAccessibleText().matches("\\d+([.,]\\d+)? ?%")) {
                    count.incrementAndGet();
                }
            }
            done.countDown();
        });
        done.await();
        return count.get();
    }

    /** True when the node and every parent are visible (the table keeps spare rows hidden). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
