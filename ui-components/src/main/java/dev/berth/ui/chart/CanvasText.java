package dev.berth.ui.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One line of text painted on a canvas, for numbers that change every second in table cells.
 * Changing the text repaints this node only. A Label asks its parents for a layout instead, and
 * in a table that means every row laid out again, and with more than a dozen rows changed, the
 * whole table repainted, every second.
 *
 * <p>It takes the size its parent gives it (its preferred size does not follow the text, so it
 * never needs a layout); font and colour are set by the owner, usually from a cell's own CSS.
 *
 * <pre>{@code
 * CanvasText value = new CanvasText();
 * value.setAlignment(TextAlignment.RIGHT);
 * value.fontProperty().bind(cell.fontProperty());
 * value.fillProperty().bind(cell.textFillProperty());
 * value.setText("12.5 %");
 * }</pre>
 */
public class CanvasText extends Region {

    private final Canvas canvas = new Canvas();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Font> font = new SimpleObjectProperty<>(this, "font", Font.getDefault());
    private final ObjectProperty<Paint> fill = new SimpleObjectProperty<>(this, "fill", Color.BLACK);
    private final ObjectProperty<TextAlignment> alignment =
            new SimpleObjectProperty<>(this, "alignment", TextAlignment.LEFT);

    public CanvasText() {
        getStyleClass().add("canvas-text");
        getChildren().add(canvas);
        text.addListener(o -> paint());
        font.addListener(o -> paint());
        fill.addListener(o -> paint());
        alignment.addListener(o -> paint());
    }

    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value == null ? "" : value);
    }

    public ObjectProperty<Font> fontProperty() {
        return font;
    }

    public Font getFont() {
        return font.get();
    }

    public void setFont(Font value) {
        font.set(value);
    }

    /** The text colour. */
    public ObjectProperty<Paint> fillProperty() {
        return fill;
    }

    public Paint getFill() {
        return fill.get();
    }

    public void setFill(Paint value) {
        fill.set(value);
    }

    /** Where the line sits across the width: left, centre or right. */
    public ObjectProperty<TextAlignment> alignmentProperty() {
        return alignment;
    }

    public void setAlignment(TextAlignment value) {
        alignment.set(value);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        Font f = font.get();
        return Math.ceil((f == null ? Font.getDefault() : f).getSize() * 1.4);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            paint();
        }
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        String line = text.get();
        if (line.isEmpty() || w <= 0 || h <= 0) {
            return;
        }
        TextAlignment align = alignment.get() == null ? TextAlignment.LEFT : alignment.get();
        g.setFont(font.get() == null ? Font.getDefault() : font.get());
        g.setFill(fill.get() == null ? Color.BLACK : fill.get());
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        double x = switch (align) {
            case RIGHT -> w;
            case CENTER -> w / 2;
            default -> 0;
        };
        g.fillText(line, x, Math.round(h / 2));
    }
}
