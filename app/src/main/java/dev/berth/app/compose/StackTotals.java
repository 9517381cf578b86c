package dev.berth.app.compose;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.app.theme.Css;
import dev.berth.stats.StackStats;
import dev.berth.stats.StatsHub;
import dev.berth.stats.StatsTotals;
import dev.berth.ui.chart.Sparkline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A stack's live totals: how much of it runs, its CPU, memory and processes summed from the one
 * shared stats stream per container, with a sparkline of the last minute of CPU and of memory.
 */
final class StackTotals implements AutoCloseable {

    private static final int HISTORY = 60;
    private static final long SAMPLE_EVERY_NANOS = 900_000_000L;

    private final StatsHub hub;
    private final Label text = new Label();
    private final Label cpuText = new Label();
    private final Sparkline cpu = new Sparkline();
    private final Label memoryText = new Label();
    private final Sparkline memory = new Sparkline();
    private final Label processes = new Label();
    private final HBox root = new HBox(6, text, cpuText, cpu, memoryText, memory, processes);
    private final UiBatcher<StatsTotals> batches;
    private final Deque<StatsTotals> history = new ArrayDeque<>();
    private StackStats stats;
    private List<String> watched = List.of();
    private String summary = "";
    private long lastSampleNanos;

    StackTotals(AppServices services) {
        this.hub = StatsHub.of(services.engine());
        this.batches = new UiBatcher<>(services.executor().ui(), batch -> show(batch.get(batch.size() - 1)));
        text.setId("stack-totals");
        cpuText.setId("stack-cpu");
        memoryText.setId("stack-memory");
        processes.setId("stack-processes");
        for (Label label : List.of(text, cpuText, memoryText, processes)) {
            label.getStyleClass().add(Css.VIEW_SUBTITLE);
        }
        cpu.setId("stack-cpu-spark");
        Tooltip.install(cpu, new Tooltip("CPU of the whole stack, last minute"));
        memory.setId("stack-memory-spark");
        Tooltip.install(memory, new Tooltip("Memory of the whole stack, last minute"));
        root.setAlignment(Pos.CENTER_LEFT);
        showSparks(false);
    }

    /**
     * Follows these running containers (started again only when the set changes).
     *
     * @param stackSummary "2 of 3 running", shown before the numbers
     */
    void watch(List<String> runningIds, String stackSummary) {
        summary = stackSummary;
        if (runningIds.equals(watched)) {
            if (stats == null) {
                text.setText(summary);
            }
            return;
        }
        watched = runningIds;
        close();
        history.clear();
        showSparks(false);
        text.setText(summary);
        clearNumbers();
        if (!runningIds.isEmpty()) {
            stats = StackStats.watch(hub, runningIds, batches::add);
        }
    }

    private void show(StatsTotals t) {
        if (stats == null) {
            return;
        }
        text.setText(summary + " ·");
        cpuText.setText("CPU " + Formats.oneDecimal(t.cpuPercent()) + " %");
        memoryText.setText("· Memory " + Formats.bytes(t.memoryUsed()));
        processes.setText("· " + t.pids() + (t.pids() == 1 ? " process" : " processes"));
        // Several containers report each second: one point a second keeps the line a minute long.
        long now = System.nanoTime();
        if (now - lastSampleNanos < SAMPLE_EVERY_NANOS) {
            return;
        }
        lastSampleNanos = now;
        history.addLast(t);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        cpu.setValues(values(StatsTotals::cpuPercent));
        memory.setValues(values(StatsTotals::memoryUsed));
        showSparks(history.size() > 1);
    }

    private void clearNumbers() {
        cpuText.setText("");
        memoryText.setText("");
        processes.setText("");
    }

    private double[] values(ToDoubleFunction<StatsTotals> value) {
        return history.stream().mapToDouble(value).toArray();
    }

    private void showSparks(boolean visible) {
        cpu.setVisible(visible);
        cpu.setManaged(visible);
        memory.setVisible(visible);
        memory.setManaged(visible);
    }

    Node node() {
        return root;
    }

    /** Stops following; the shared streams close when nobody else watches them. */
    @Override
    public void close() {
        if (stats != null) {
            stats.close();
            stats = null;
        }
    }
}
