package dev.berth.ui.chart;

import java.util.Objects;
import java.util.function.DoubleFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A live area chart over a sliding time window (five minutes by default), with the current value
 * of each series beside its name. Drawn on one canvas: redrawing it once a second costs next to
 * nothing, unlike JavaFX's node-per-point charts.
 *
 * <pre>{@code
 * LiveChart cpu = new LiveChart("CPU");
 * ChartSeries used = new ChartSeries("used", Color.web("#0969da"));
 * cpu.getSeries().add(used);
 * cpu.setValueFormat(v -> String.format("%.1f%%", v));
 * cpu.setMinimumMax(1);           // a nearly idle line does not fill the chart
 * used.add(System.currentTimeMillis(), 3.2);
 * }</pre>
 */
public class LiveChart extends Control {

    public static final long DEFAULT_WINDOW_MILLIS = 5 * 60 * 1000;

    private static final String STYLESHEET = Objects.requireNonNull(
            LiveChart.class.getResource("chart.css")).toExternalForm();

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObservableList<ChartSeries> series = FXCollections.observableArrayList();
    private final LongProperty windowMillis = new SimpleLongProperty(this, "windowMillis", DEFAULT_WINDOW_MILLIS);
    private final ObjectProperty<DoubleFunction<String>> valueFormat =
            new SimpleObjectProperty<>(this, "valueFormat", v -> String.format("%.1f", v));
    private final DoubleProperty minimumMax = new SimpleDoubleProperty(this, "minimumMax", 1);
    private final DoubleProperty fixedMax = new SimpleDoubleProperty(this, "fixedMax", Double.NaN);

    public LiveChart() {
        this("");
    }

    public LiveChart(String title) {
        setTitle(title);
        getStyleClass().add("live-chart");
        windowMillis.addListener((obs, was, now) -> series.forEach(s -> s.points().setWindowMillis(now.longValue())));
    }

    public ObservableList<ChartSeries> getSeries() {
        return series;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public String getTitle() {
        return title.get();
    }

    public void setTitle(String value) {
        title.set(value);
    }

    /** How far back the chart shows, in milliseconds. */
    public LongProperty windowMillisProperty() {
        return windowMillis;
    }

    public long getWindowMillis() {
        return windowMillis.get();
    }

    /** How values read on the axis and beside the series names. */
    public ObjectProperty<DoubleFunction<String>> valueFormatProperty() {
        return valueFormat;
    }

    public DoubleFunction<String> getValueFormat() {
        return valueFormat.get();
    }

    public void setValueFormat(DoubleFunction<String> format) {
        valueFormat.set(format);
    }

    /** The vertical axis reaches at least this far, so small values stay small. */
    public DoubleProperty minimumMaxProperty() {
        return minimumMax;
    }

    public void setMinimumMax(double value) {
        minimumMax.set(value);
    }

    /** A fixed top of the vertical axis (e.g. 100 for a percentage of a limit), or NaN to follow the data. */
    public DoubleProperty fixedMaxProperty() {
        return fixedMax;
    }

    public void setFixedMax(double value) {
        fixedMax.set(value);
    }

    /** The top of the vertical axis for the current data: a round number above the largest value. */
    public double axisMax() {
        if (!Double.isNaN(fixedMax.get())) {
            return fixedMax.get();
        }
        long newest = 0;
        for (ChartSeries s : series) {
            newest = Math.max(newest, s.points().latestTime());
        }
        double max = 0;
        for (ChartSeries s : series) {
            max = Math.max(max, s.points().max(newest - getWindowMillis()));
        }
        return niceCeiling(Math.max(max * 1.1, minimumMax.get()));
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value - 1e-12 * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LiveChartSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
