package dev.berth.ui.chart;

import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.layout.Region;

/**
 * A horizontal bar for "how much of it, and how much of that could go": its length is
 * {@code value} against {@code scale} (the same scale on every row makes rows comparable), and the
 * last {@code part} of it is drawn in a second, lighter colour.
 *
 * <pre>{@code
 * UsageBar bar = new UsageBar();
 * bar.setScale(largest);      // e.g. the biggest row's size
 * bar.setValue(imagesBytes);  // this row's size
 * bar.setPart(reclaimable);   // what a prune would free
 * }</pre>
 *
 * <p>Style classes: {@code usage-bar} (the track), {@code usage-bar-value} and
 * {@code usage-bar-part}.
 */
public class UsageBar extends Region {

    private static final String STYLESHEET = Objects.requireNonNull(
            UsageBar.class.getResource("chart.css")).toExternalForm();

    private final Region whole = new Region();
    private final Region part = new Region();
    private final DoubleProperty scale = bound("scale");
    private final DoubleProperty value = bound("value");
    private final DoubleProperty partValue = bound("part");

    public UsageBar() {
        getStyleClass().add("usage-bar");
        whole.getStyleClass().add("usage-bar-value");
        part.getStyleClass().add("usage-bar-part");
        getChildren().addAll(whole, part);
        setPrefSize(160, 12);
        setMinHeight(8);
    }

    private DoubleProperty bound(String name) {
        return new SimpleDoubleProperty(this, name) {
            @Override
            protected void invalidated() {
                requestLayout();
            }
        };
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public void setScale(double v) {
        scale.set(v);
    }

    public DoubleProperty valueProperty() {
        return value;
    }

    public void setValue(double v) {
        value.set(v);
    }

    public DoubleProperty partProperty() {
        return partValue;
    }

    public void setPart(double v) {
        partValue.set(v);
    }

    /** The width the value takes, the part included. */
    public double valueWidth() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double s = scale.get();
        return s <= 0 ? 0 : Math.max(0, Math.min(1, value.get() / s)) * w;
    }

    /** The width of the lighter part at the value's end. */
    public double partWidth() {
        double v = value.get();
        return v <= 0 ? 0 : valueWidth() * Math.max(0, Math.min(1, partValue.get() / v));
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double h = getHeight() - y - snappedBottomInset();
        double total = valueWidth();
        double light = partWidth();
        whole.resizeRelocate(x, y, total - light, h);
        part.resizeRelocate(x + total - light, y, light, h);
    }
}
