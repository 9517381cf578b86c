package dev.berth.ui.chart;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The chart's look: a header (title, then each series' name and current value) over the plot. */
final class LiveChartSkin extends SkinBase<LiveChart> {

    private static final double AXIS_WIDTH = 64;
    private static final double TIME_LABELS = 16;
    private static final long MIN_SPAN_MILLIS = 60_000;

    private final Label title = new Label();
    private final HBox legend = new HBox(14);
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas) {
        @Override
        protected void layoutChildren() {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    };
    // Styled by CSS; their text colours give the axis and grid colours of the theme.
    private final Label axisProbe = new Label();
    private final Label gridProbe = new Label();
    private final InvalidationListener redraw = o -> {
        updateLegend();
        plot.requestLayout();
    };

    LiveChartSkin(LiveChart chart) {
        super(chart);
        title.getStyleClass().add("chart-title");
        title.textProperty().bind(chart.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        legend.setAlignment(Pos.CENTER_LEFT);
        // The legend follows the title, and moves under it when the chart is narrow.
        FlowPane header = new FlowPane(16, 2, title, legend);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("chart-header");
        header.setMinWidth(0);
        header.prefWrapLengthProperty().bind(chart.widthProperty().subtract(24));
        axisProbe.getStyleClass().add("chart-axis");
        gridProbe.getStyleClass().add("chart-grid");
        for (Label probe : new Label[] {axisProbe, gridProbe}) {
            probe.setManaged(false);
            probe.setVisible(false);
        }
        plot.getStyleClass().add("chart-plot");
        plot.setMinHeight(40);
        VBox.setVgrow(plot, Priority.ALWAYS);
        VBox box = new VBox(4, header, plot, axisProbe, gridProbe);
        getChildren().add(box);

        chart.getSeries().addListener((ListChangeListener<ChartSeries>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> s.versionProperty().removeListener(redraw));
                c.getAddedSubList().forEach(s -> s.versionProperty().addListener(redraw));
            }
            rebuildLegend();
        });
        chart.getSeries().forEach(s -> s.versionProperty().addListener(redraw));
        chart.valueFormatProperty().addListener(redraw);
        chart.fixedMaxProperty().addListener(redraw);
        chart.minimumMaxProperty().addListener(redraw);
        chart.windowMillisProperty().addListener(redraw);
        axisProbe.textFillProperty().addListener(redraw);
        rebuildLegend();
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + AXIS_WIDTH + 60 + right;
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        for (ChartSeries s : getSkinnable().getSeries()) {
            Circle dot = new Circle(4, s.color());
            Label name = new Label(s.name(), dot);
            name.getStyleClass().add("chart-series-name");
            Label value = new Label();
            value.getStyleClass().add("chart-series-value");
            value.setUserData(s);
            value.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            HBox entry = new HBox(6, name, value);
            entry.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(entry);
        }
        updateLegend();
    }

    private void updateLegend() {
        LiveChart chart = getSkinnable();
        for (javafx.scene.Node entry : legend.getChildren()) {
            Label value = (Label) ((HBox) entry).getChildren().get(1);
            ChartSeries s = (ChartSeries) value.getUserData();
            double latest = s.latest();
            value.setText(Double.isNaN(latest) ? "\u2014" : chart.getValueFormat().apply(latest));
        }
    }

    private void draw() {
        LiveChart chart = getSkinnable();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < AXIS_WIDTH + 10 || h < TIME_LABELS + 10) {
            return;
        }
        Paint axisPaint = axisProbe.getTextFill();
        Paint gridPaint = gridProbe.getTextFill();
        Font font = Font.font(Math.max(10, title.getFont().getSize() * 0.82));
        double left = AXIS_WIDTH;
        double top = 6;
        double plotW = w - left - 4;
        double plotH = h - top - TIME_LABELS;
        double max = chart.axisMax();

        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setLineWidth(1);
        for (int i = 0; i <= 2; i++) {
            double value = max * i / 2;
            double y = Math.round(top + plotH - plotH * i / 2) + 0.5;
            g.setStroke(gridPaint);
            g.strokeLine(left, y, left + plotW, y);
            g.setFill(axisPaint);
            g.fillText(chart.getValueFormat().apply(value), left - 6, y);
        }
        long newest = 0;
        long first = Long.MAX_VALUE;
        for (ChartSeries s : chart.getSeries()) {
            newest = Math.max(newest, s.points().latestTime());
            if (!s.points().isEmpty()) {
                first = Math.min(first, s.points().time(0));
            }
        }
        // The time axis grows with the data up to the window, so a fresh chart is not a sliver.
        long window = first == Long.MAX_VALUE ? chart.getWindowMillis()
                : Math.min(chart.getWindowMillis(), Math.max(MIN_SPAN_MILLIS, newest - first));
        long oldest = newest - window;
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(minutes(window) + " ago", left, h);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("now", left + plotW, h);

        for (ChartSeries s : chart.getSeries()) {
            TimeSeries points = s.points();
            if (points.size() < 1) {
                continue;
            }
            int n = points.size();
            double[] xs = new double[n + 2];
            double[] ys = new double[n + 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                long t = points.time(i);
                if (t < oldest) {
                    continue;
                }
                double v = Math.max(0, Math.min(max, points.value(i)));
                xs[k] = left + plotW * (t - oldest) / (double) window;
                ys[k] = top + plotH - plotH * v / max;
                k++;
            }
            if (k == 0) {
                continue;
            }
            Color c = s.color();
            // The area under the line, then the line itself.
            xs[k] = xs[k - 1];
            ys[k] = top + plotH;
            xs[k + 1] = xs[0];
            ys[k + 1] = top + plotH;
            g.setFill(c.deriveColor(0, 1, 1, 0.16));
            g.fillPolygon(xs, ys, k + 2);
            g.setStroke(c);
            g.setLineWidth(1.6);
            if (k == 1) {
                g.fillOval(xs[0] - 2, ys[0] - 2, 4, 4);
            } else {
                g.strokePolyline(xs, ys, k);
            }
            g.setLineWidth(1);
        }
    }

    private static String minutes(long millis) {
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : String.format("%.1f min", seconds / 60.0);
    }
}
