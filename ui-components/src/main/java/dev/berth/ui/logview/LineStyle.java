package dev.berth.ui.logview;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Everything drawing a line needs, resolved once per change of the view's settings rather than
 * per line: palette, fonts and their grid (lines are drawn in a monospaced font, one column per
 * character), which parts to show, and the search.
 */
final class LineStyle {

    /** Space left of the text; the first pixels hold the error-output mark. */
    static final double PAD_LEFT = 10;
    static final double PAD_RIGHT = 10;
    static final double MARK_WIDTH = 3;

    final TerminalPalette palette;
    final Font regular;
    final Font bold;
    final Font italic;
    final Font boldItalic;
    final boolean showTimestamps;
    final int sourceWidth;
    final int maxLineLength;
    final LogSearch search;
    final long currentSequence;
    final int currentOccurrence;
    final boolean wrap;
    final double lineHeight;
    final double baseline;
    final double advance;
    final int version;

    LineStyle(LogView view, int version) {
        this.version = version;
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
        this.currentSequence = view.model().currentSequence();
        this.currentOccurrence = view.model().currentOccurrence();
        this.wrap = view.isWrapText();
        Text probe = new Text("MMMMMMMMMMMMMMMMMMMM");
        probe.setFont(base);
        this.advance = probe.getLayoutBounds().getWidth() / 20;
        double height = probe.getLayoutBounds().getHeight();
        this.lineHeight = Math.ceil(height) + 2;
        this.baseline = 1 + probe.getBaselineOffset();
    }

    Font font(boolean isBold, boolean isItalic) {
        return isBold ? (isItalic ? boldItalic : bold) : (isItalic ? italic : regular);
    }

    /** The text colour of a run, dim applied; null when hidden. */
    Color foreground(SpanStyle s) {
        if (s.hidden()) {
            return null;
        }
        Color fg = s.inverse()
                ? palette.resolve(s.background(), palette.background())
                : palette.resolve(s.foreground(), palette.foreground());
        return s.dim() ? fg.deriveColor(0, 1, 1, 0.6) : fg;
    }

    /** The background of a run, or null for none. */
    Color background(SpanStyle s) {
        return s.inverse()
                ? palette.resolve(s.foreground(), palette.foreground())
                : palette.resolve(s.background(), null);
    }
}
