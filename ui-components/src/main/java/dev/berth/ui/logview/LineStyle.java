package dev.berth.ui.logview;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;

/**
 * Everything a line needs to draw itself, resolved once per change of the view's settings
 * rather than per line: palette, fonts, which parts to show, and the search.
 */
final class LineStyle {

    final TerminalPalette palette;
    final Font regular;
    final Font bold;
    final Font italic;
    final Font boldItalic;
    final boolean showTimestamps;
    final int sourceWidth;
    final int maxLineLength;
    final LogSearch search;
    final LogLine currentLine;
    final int currentOccurrence;
    final boolean wrap;
    final double lineHeight;

    LineStyle(LogView view) {
        this.palette = view.getEffectivePalette();
        Font base = view.getFont();
        this.regular = base;
        this.bold = Font.font(base.getFamily(), FontWeight.BOLD, FontPosture.REGULAR, base.getSize());
        this.italic = Font.font(base.getFamily(), FontWeight.NORMAL, FontPosture.ITALIC, base.getSize());
        this.boldItalic = Font.font(base.getFamily(), FontWeight.BOLD, FontPosture.ITALIC, base.getSize());
        this.showTimestamps = view.isShowTimestamps();
        this.sourceWidth = view.sourceNameWidth();
        this.maxLineLength = Math.max(1, view.getMaxLineLength());
        this.search = view.search();
        this.currentLine = view.model().currentLine();
        this.currentOccurrence = view.model().currentOccurrence();
        this.wrap = view.isWrapText();
        javafx.scene.text.Text probe = new javafx.scene.text.Text("Mg");
        probe.setFont(base);
        this.lineHeight = Math.ceil(probe.getLayoutBounds().getHeight()) + 2;
    }

    Font font(boolean isBold, boolean isItalic) {
        return isBold ? (isItalic ? boldItalic : bold) : (isItalic ? italic : regular);
    }

    /** The text colour of a run, dim and hidden applied. */
    Color foreground(SpanStyle s) {
        Color fg = s.inverse()
                ? palette.resolve(s.background(), palette.background())
                : palette.resolve(s.foreground(), palette.foreground());
        if (s.hidden()) {
            return Color.TRANSPARENT;
        }
        return s.dim() ? fg.deriveColor(0, 1, 1, 0.6) : fg;
    }

    /** The background of a run, or null for none. */
    Color background(SpanStyle s) {
        return s.inverse()
                ? palette.resolve(s.foreground(), palette.foreground())
                : palette.resolve(s.background(), null);
    }
}
