package dev.berth.ui.logview;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Path;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws one line: styled runs as Text nodes in a TextFlow (so soft wrap works), with backgrounds
 * (ANSI background colours, search matches) drawn behind from the flow's own range shapes. Text
 * and Path nodes are reused from line to line, so scrolling creates no nodes once warmed up.
 */
final class LineNode extends Region {

    private final TextFlow flow = new TextFlow();
    private final Group backgrounds = new Group();
    private final List<Text> texts = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private int textsUsed;
    private int[] ranges = new int[16];
    private Paint[] rangePaints = new Paint[8];
    private int rangeCount;
    private boolean backgroundsDirty;
    private boolean wrap;
    private double laidOutWidth = -1;

    LineNode() {
        getStyleClass().add("log-line");
        flow.setTabSize(8);
        backgrounds.setManaged(false);
        getChildren().addAll(backgrounds, flow);
    }

    void show(LogLine line, LineStyle style) {
        textsUsed = 0;
        rangeCount = 0;
        wrap = style.wrap;
        TerminalPalette p = style.palette;
        int offset = 0;
        if (style.showTimestamps && line.hasTime()) {
            offset += add(LineFormat.time(line), p.muted(), style.regular, false, false);
        }
        if (line.source() != null) {
            offset += add(LineFormat.source(line, style.sourceWidth), p.source(line.source()), style.bold, false, false);
        }
        String text = line.text();
        int limit = Math.min(text.length(), style.maxLineLength);
        if (line.kind() == LogLine.Kind.NOTE) {
            add("\u2014 " + text + " \u2014", p.note(), style.italic, false, false);
        } else if (line.spanCount() == 0) {
            add(limit == text.length() ? text : text.substring(0, limit), p.foreground(), style.regular, false, false);
        } else {
            if (line.spanStart(0) > 0) {
                add(text.substring(0, Math.min(line.spanStart(0), limit)), p.foreground(), style.regular, false, false);
            }
            for (int i = 0; i < line.spanCount(); i++) {
                int start = line.spanStart(i);
                int end = Math.min(line.spanEnd(i), limit);
                if (start >= limit) {
                    break;
                }
                if (end <= start) {
                    continue;
                }
                SpanStyle s = line.spanStyle(i);
                add(text.substring(start, end), style.foreground(s), style.font(s.bold(), s.italic()), s.underline(),
                        s.strikethrough());
                Color bg = style.background(s);
                if (bg != null) {
                    addRange(offset + start, offset + end, bg);
                }
            }
        }
        String marker = LineFormat.truncationMarker(line, limit);
        if (!marker.isEmpty()) {
            add(marker, p.muted(), style.italic, false, false);
        }
        if (style.search.isActive() && line.kind() != LogLine.Kind.NOTE) {
            int[] found = style.search.ranges(text, limit);
            for (int k = 0; k < found.length; k += 2) {
                boolean current = line == style.currentLine && k / 2 == style.currentOccurrence;
                addRange(offset + found[k], offset + found[k + 1], current ? p.currentMatch() : p.match());
            }
        }
        if (flow.getChildren().size() != textsUsed || !sameTexts()) {
            flow.getChildren().setAll(texts.subList(0, textsUsed));
        }
        backgroundsDirty = true;
        laidOutWidth = -1;
        requestLayout();
    }

    private boolean sameTexts() {
        for (int i = 0; i < textsUsed; i++) {
            if (flow.getChildren().get(i) != texts.get(i)) {
                return false;
            }
        }
        return true;
    }

    private int add(String s, Paint fill, Font font, boolean underline, boolean strike) {
        Text t;
        if (textsUsed < texts.size()) {
            t = texts.get(textsUsed);
        } else {
            t = new Text();
            t.getStyleClass().add("log-text");
            texts.add(t);
        }
        textsUsed++;
        t.setText(s);
        t.setFill(fill);
        t.setFont(font);
        t.setUnderline(underline);
        t.setStrikethrough(strike);
        return s.length();
    }

    private void addRange(int start, int end, Paint paint) {
        if (end <= start) {
            return;
        }
        if (rangeCount * 2 + 2 > ranges.length) {
            ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
            rangePaints = java.util.Arrays.copyOf(rangePaints, rangePaints.length * 2);
        }
        ranges[rangeCount * 2] = start;
        ranges[rangeCount * 2 + 1] = end;
        rangePaints[rangeCount] = paint;
        rangeCount++;
    }

    @Override
    protected double computePrefWidth(double height) {
        return wrap ? 0 : snappedLeftInset() + flow.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : Math.max(1, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + flow.prefHeight(wrap ? inner : -1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double inner = Math.max(1, getWidth() - x - snappedRightInset());
        double flowWidth = wrap ? inner : Math.max(inner, flow.prefWidth(-1));
        flow.resizeRelocate(x, y, flowWidth, flow.prefHeight(wrap ? flowWidth : -1));
        // Not relocate(): a Group's layout bounds follow its paths, which would shift them.
        backgrounds.setLayoutX(x);
        backgrounds.setLayoutY(y);
        if (backgroundsDirty || laidOutWidth != flowWidth) {
            backgroundsDirty = false;
            laidOutWidth = flowWidth;
            drawBackgrounds();
        }
    }

    private void drawBackgrounds() {
        flow.layout();
        int used = 0;
        for (int i = 0; i < rangeCount; i++) {
            Path path;
            if (used < paths.size()) {
                path = paths.get(used);
            } else {
                path = new Path();
                path.setStroke(null);
                path.setManaged(false);
                paths.add(path);
            }
            used++;
            path.setFill(rangePaints[i]);
            path.getElements().setAll(flow.rangeShape(ranges[i * 2], ranges[i * 2 + 1]));
        }
        if (backgrounds.getChildren().size() != used) {
            backgrounds.getChildren().setAll(paths.subList(0, used));
        }
    }
}
