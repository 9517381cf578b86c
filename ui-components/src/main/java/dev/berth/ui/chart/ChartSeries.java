package dev.berth.ui.chart;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.paint.Color;

/** One line of a {@link LiveChart}: a name, a colour and its points. Change it on the FX thread. */
public final class ChartSeries {

    private final String name;
    private final Color color;
    private final TimeSeries points;
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");

    public ChartSeries(String name, Color color) {
        this.name = name;
        this.color = color;
        this.points = new TimeSeries(LiveChart.DEFAULT_WINDOW_MILLIS);
    }

    public String name() {
        return name;
    }

    public Color color() {
        return color;
    }

    /** The points (read them; change them through this series so the chart redraws). */
    public TimeSeries points() {
        return points;
    }

    public void add(long timeMillis, double value) {
        points.add(timeMillis, value);
        version.set(version.get() + 1);
    }

    public void clear() {
        points.clear();
        version.set(version.get() + 1);
    }

    /** The newest value, or NaN. */
    public double latest() {
        return points.latest();
    }

    /** Bumped by every change; the chart redraws on it. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
