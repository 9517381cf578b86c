package dev.berth.bench;

import dev.berth.app.common.AppServices;
import dev.berth.app.logs.ContainerLogsPane;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.Engine;
import dev.berth.ui.logview.LogLine;
import dev.berth.ui.logview.LogView;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

/**
 * Berth's side of {@code scripts/bench.sh logs}: the containers logs pane, in a real window,
 * reading a finished container's whole log (engine stream, demux, ANSI parse, the view's model)
 * until its last line is in the view. Meanwhile a pulse hook records the longest gap between
 * JavaFX pulses. Prints {@code berth: berth_s=... max_fx_stall_ms=... heap_mb=... lines_seen=...}.
 *
 * <p>Arguments: container ID, the text the last line contains.
 */
public final class LogsBench {

    private static final boolean TRACE = System.getenv("BERTH_BENCH_TRACE") != null;

    private LogsBench() {
    }

    public static void main(String[] args) throws Exception {
        String containerId = args[0];
        String lastLineText = args[1];
        BenchSupport.haltAfter(Duration.ofMinutes(15));
        Engine engine = BenchSupport.connectedEngine();
        AppServices services = BenchSupport.services(engine);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        CountDownLatch done = new CountDownLatch(1);
        long[] result = new long[4];
        long cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
        Platform.runLater(() -> {
            ContainerLogsPane pane = new ContainerLogsPane(services);
            Stage stage = new Stage();
            Scene scene = new Scene((javafx.scene.Parent) pane.node(), 1280, 780);
            new ThemeManager(null).install(scene);
            stage.setScene(scene);
            stage.setTitle("Berth logs benchmark");
            stage.show();
            LogView view = pane.logView();
            selectAllHistory(view);
            AnimationTimer watch = new AnimationTimer() {
                private long last;
                private long lastCpu;
                private long maxGap;
                private final long start = System.nanoTime();

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    // Stalls count from the first line in: opening the window is not ingesting.
                    if (last != 0 && view.lineCountProperty().get() > 0) {
                        maxGap = Math.max(maxGap, t - last);
                        if (t - last > 50_000_000L && TRACE) {
                            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                            System.out.println("stall " + (t - last) / 1_000_000 + " ms (fx cpu "
                                    + (cpu - lastCpu) / 1_000_000 + " ms) at uptime "
                                    + ManagementFactory.getRuntimeMXBean().getUptime() + " lines=" + view.lineCountProperty().get());
                        }
                    }
                    last = t;
                    if (TRACE) {
                        lastCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    }
                    List<LogLine> lines = view.getLines();
                    if (!lines.isEmpty() && containsNearEnd(lines, lastLineText)) {
                        result[0] = t - start;
                        result[1] = maxGap;
                        result[2] = view.getLines().size() + view.droppedCountProperty().get();
                        result[3] = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() - cpuBefore;
                        stop();
                        done.countDown();
                    }
                }
            };
            watch.start();
            pane.show(containerId);
        });
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the last line never arrived");
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println(String.format(Locale.ROOT,
                "berth: berth_s=%.2f max_fx_stall_ms=%d heap_mb=%d lines_seen=%d berth_cpu_s=%.2f",
                result[0] / 1e9, result[1] / 1_000_000, heap / (1024 * 1024), result[2], result[3] / 1000.0));
        if (TRACE) {
            BenchSupport.printThreadCpu("", Map.of(), 50);
        }
        Platform.exit();
        engine.close();
        System.exit(0);
    }

    /** Picks "All lines" in the pane's history choice, as a user would. */
    @SuppressWarnings("unchecked")
    private static void selectAllHistory(LogView view) {
        for (Node item : view.getToolbarItems()) {
            if (item instanceof ComboBox<?> combo) {
                ComboBox<Object> choice = (ComboBox<Object>) combo;
                for (Object option : choice.getItems()) {
                    if (option.toString().equals("All lines")) {
                        choice.setValue(option);
                        choice.getOnAction().handle(null);
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("no history choice 'All lines'");
    }

    private static boolean containsNearEnd(List<LogLine> lines, String text) {
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 5); i--) {
            if (lines.get(i).text().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
