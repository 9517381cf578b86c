package dev.berth.app.stats;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.app.theme.Css;
import dev.berth.engine.Subscription;
import dev.berth.stats.StatsHub;
import dev.berth.stats.StatsSample;
import dev.berth.ui.chart.ChartSeries;
import dev.berth.ui.chart.LiveChart;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * One container's resource use, live: CPU, memory, network and disk charts over the last five
 * minutes with the current values, and the totals above them. It watches the container's shared
 * stats stream ({@link StatsHub}), so a chart opened next to the table costs no second stream;
 * closing the pane (or showing another container) stops watching.
 *
 * <pre>{@code
 * ContainerStatsPane stats = new ContainerStatsPane(services);
 * stats.show(containerId);
 * tab.setContent(stats.node());
 * }</pre>
 */
public final class ContainerStatsPane implements AutoCloseable {

    static final Color CPU = Color.web("#2f81f7");
    static final Color MEMORY = Color.web("#a371f7");
    static final Color RECEIVED = Color.web("#3fb950");
    static final Color SENT = Color.web("#f0883e");
    static final Color READ = Color.web("#39c5cf");
    static final Color WRITTEN = Color.web("#db61a2");

    private final StatsHub hub;
    private final UiBatcher<Tagged> samples;
    private final AtomicInteger generation = new AtomicInteger();
    private final BorderPane root = new BorderPane();
    private final LiveChart cpuChart = new LiveChart("CPU");
    private final LiveChart memoryChart = new LiveChart("Memory");
    private final LiveChart networkChart = new LiveChart("Network");
    private final LiveChart diskChart = new LiveChart("Disk");
    private final ChartSeries cpu = new ChartSeries("used", CPU);
    private final ChartSeries memory = new ChartSeries("used", MEMORY);
    private final ChartSeries received = new ChartSeries("in", RECEIVED);
    private final ChartSeries sent = new ChartSeries("out", SENT);
    private final ChartSeries read = new ChartSeries("read", READ);
    private final ChartSeries written = new ChartSeries("write", WRITTEN);
    private final GridPane grid = new GridPane();
    private final Label summary = new Label();
    private int columns;
    private final Label state = new Label();
    private Subscription watching;
    private String containerId;
    private long lastTime;

    /** A sample and which container (generation) it belongs to. */
    private record Tagged(int generation, StatsSample sample) {
    }

    public ContainerStatsPane(AppServices services) {
        this.hub = StatsHub.of(services.engine());
        this.samples = new UiBatcher<>(services.executor().ui(), this::apply);
        cpuChart.getSeries().add(cpu);
        cpuChart.setValueFormat(v -> String.format("%.1f%%", v));
        cpuChart.setMinimumMax(1);
        memoryChart.getSeries().add(memory);
        memoryChart.setValueFormat(v -> Formats.bytes(Math.round(v)));
        memoryChart.setMinimumMax(1_000_000);
        networkChart.getSeries().addAll(received, sent);
        networkChart.setValueFormat(v -> Formats.bytes(Math.round(v)) + "/s");
        networkChart.setMinimumMax(1000);
        diskChart.getSeries().addAll(read, written);
        diskChart.setValueFormat(v -> Formats.bytes(Math.round(v)) + "/s");
        diskChart.setMinimumMax(1000);
        cpuChart.setId("stats-cpu");
        memoryChart.setId("stats-memory");
        networkChart.setId("stats-network");
        diskChart.setId("stats-disk");

        grid.setHgap(12);
        grid.setVgap(12);
        // Two by two when there is height for it; one row of four in a short pane (under the table).
        grid.heightProperty().addListener(o -> arrange());
        grid.widthProperty().addListener(o -> arrange());
        arrange();
        for (LiveChart chart : List.of(cpuChart, memoryChart, networkChart, diskChart)) {
            chart.getStyleClass().add("stats-chart");
            chart.setMinHeight(100);
        }

        summary.setId("stats-summary");
        summary.getStyleClass().add(Css.VIEW_SUBTITLE);
        state.setId("stats-state");
        state.getStyleClass().add("stats-state");
        state.setGraphic(new FontIcon(Material2AL.INFO));
        state.setVisible(false);
        state.managedProperty().bind(state.visibleProperty());
        HBox header = new HBox(12, summary, state);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 10, 2));
        root.setTop(header);
        root.setCenter(grid);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("container-stats");
        root.setId("container-stats");
        summary.setText("Waiting for the first numbers\u2026");
    }

    private void arrange() {
        double w = grid.getWidth();
        double h = grid.getHeight();
        int wanted = w > 0 && h > 0 && h < 2 * 150 && w >= 4 * 200 ? 4 : 2;
        if (wanted == columns) {
            return;
        }
        columns = wanted;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        List<LiveChart> charts = List.of(cpuChart, memoryChart, networkChart, diskChart);
        for (int i = 0; i < charts.size(); i++) {
            grid.add(charts.get(i), i % columns, i / columns);
        }
        for (int i = 0; i < columns; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        int rows = charts.size() / columns;
        for (int i = 0; i < rows; i++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
    }

    /** Shows this container's numbers from now on (with the history its stream already has). */
    public void show(String id) {
        if (id != null && id.equals(containerId)) {
            return;
        }
        stop();
        containerId = id;
        for (ChartSeries s : List.of(cpu, memory, received, sent, read, written)) {
            s.clear();
        }
        lastTime = 0;
        state.setVisible(false);
        summary.setText("Waiting for the first numbers\u2026");
        if (id == null) {
            return;
        }
        int mine = generation.incrementAndGet();
        watching = hub.watch(id, sample -> samples.add(new Tagged(mine, sample)));
        List<StatsSample> history = hub.history(id);
        if (!history.isEmpty()) {
            apply(history.stream().map(s -> new Tagged(mine, s)).toList());
        }
    }

    public String containerId() {
        return containerId;
    }

    private void apply(List<Tagged> batch) {
        StatsSample last = null;
        for (Tagged t : batch) {
            if (t.generation() != generation.get()) {
                continue;
            }
            StatsSample s = t.sample();
            last = s;
            if (!s.running() || s.timeMillis() <= lastTime) {
                continue;
            }
            lastTime = s.timeMillis();
            long time = s.timeMillis();
            cpu.add(time, s.cpuPercent());
            memory.add(time, s.memoryUsed());
            received.add(time, s.netRxRate());
            sent.add(time, s.netTxRate());
            read.add(time, s.blockReadRate());
            written.add(time, s.blockWriteRate());
        }
        if (last != null) {
            describe(last);
        }
    }

    private void describe(StatsSample s) {
        if (!s.running()) {
            state.setText("Not running: the charts show its last five minutes of use");
            state.setVisible(true);
            return;
        }
        state.setVisible(false);
        summary.setText(String.format("CPU %.2f%%  \u00b7  Memory %s of %s (%.2f%%)  \u00b7  PIDs %d  \u00b7  "
                        + "Network in %s, out %s  \u00b7  Disk read %s, written %s",
                s.cpuPercent(), Formats.bytes(s.memoryUsed()), Formats.bytes(s.memoryLimit()), s.memoryPercent(),
                s.pids(), Formats.bytes(s.netRx()), Formats.bytes(s.netTx()), Formats.bytes(s.blockRead()),
                Formats.bytes(s.blockWrite())));
    }

    private void stop() {
        generation.incrementAndGet();
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    public Node node() {
        return root;
    }

    @Override
    public void close() {
        stop();
        containerId = null;
    }
}
