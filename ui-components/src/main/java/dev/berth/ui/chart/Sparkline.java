package dev.berth.ui.chart;

import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A word-sized line chart of recent values, for table cells: no axes, no labels, just the shape.
 *
 * <pre>{@code
 * Sparkline cpu = new Sparkline();
 * cpu.setMaxValue(100);          // or NaN to scale to the values
 * cpu.setValues(new double[] {1, 3, 2, 8, 5});
 * }</pre>
 */
public class Sparkline extends Control {

    private static final String STYLESHEET = Objects.requireNonNull(
            Sparkline.class.getResource("chart.css")).toExternalForm();

    private final ObjectProperty<double[]> values = new SimpleObjectProperty<>(this, "values", new double[0]);
    private final DoubleProperty maxValue = new SimpleDoubleProperty(this, "maxValue", Double.NaN);

    public Sparkline() {
        getStyleClass().add("sparkline");
        setPrefSize(56, 16);
        setMinSize(24, 10);
    }

    public ObjectProperty<double[]> valuesProperty() {
        return values;
    }

    public void setValues(double[] v) {
        values.set(v == null ? new double[0] : v);
    }

    public double[] getValues() {
        return values.get();
    }

    /** The value drawn at the top, or NaN to scale to the largest value (at least 1). */
    public DoubleProperty maxValueProperty() {
        return maxValue;
    }

    public void setMaxValue(double value) {
        maxValue.set(value);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SparklineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    private static final class SparklineSkin extends SkinBase<Sparkline> {
        private final Canvas canvas = new Canvas();
        private final Label colorProbe = new Label();

        SparklineSkin(Sparkline control) {
            super(control);
            colorProbe.getStyleClass().add("sparkline-line");
            colorProbe.setManaged(false);
            colorProbe.setVisible(false);
            getChildren().addAll(canvas, colorProbe);
            // New values repaint the canvas only: a layout request would lay out the whole table
            // row (and table) the sparkline sits in.
            control.valuesProperty().addListener(o -> draw());
            control.maxValueProperty().addListener(o -> draw());
            colorProbe.textFillProperty().addListener(o -> draw());
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            canvas.relocate(x, y);
            if (canvas.getWidth() != w || canvas.getHeight() != h) {
                canvas.setWidth(w);
                canvas.setHeight(h);
                draw();
            }
        }

        private void draw() {
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, w, h);
            double[] v = getSkinnable().getValues();
            if (v.length == 0) {
                return;
            }
            double max = getSkinnable().maxValueProperty().get();
            if (Double.isNaN(max)) {
                max = 1;
                for (double d : v) {
                    max = Math.max(max, d);
                }
            }
            Paint paint = colorProbe.getTextFill();
            Color color = paint instanceof Color c ? c : Color.web("#0969da");
            int n = v.length;
            double[] xs = new double[n + 2];
            double[] ys = new double[n + 2];
            for (int i = 0; i < n; i++) {
                xs[i] = n == 1 ? w - 1 : 1 + (w - 2) * i / (n - 1);
                ys[i] = h - 1 - (h - 2) * Math.max(0, Math.min(max, v[i])) / max;
            }
            xs[n] = xs[n - 1];
            ys[n] = h;
            xs[n + 1] = xs[0];
            ys[n + 1] = h;
            g.setFill(color.deriveColor(0, 1, 1, 0.2));
            g.fillPolygon(xs, ys, n + 2);
            g.setStroke(color);
            g.setLineWidth(1.2);
            g.strokePolyline(xs, ys, n);
        }
    }
}
