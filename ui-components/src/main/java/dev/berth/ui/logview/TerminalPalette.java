package dev.berth.ui.logview;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colours a {@link LogView} draws with: the 16 named terminal colours (the rest of the 256
 * palette is computed as xterm does), the default text colour, and the colours of its own marks
 * (timestamps, notes, search matches, source prefixes). {@link #LIGHT} and {@link #DARK} suit
 * light and dark themes.
 */
public final class TerminalPalette {

    /** Readable on a white background. */
    public static final TerminalPalette LIGHT = new TerminalPalette(
            Color.web("#1f2328"), Color.web("#ffffff"), Color.web("#6e7781"), Color.web("#0969da"),
            Color.web("#ffe58f"), Color.web("#fa8c16"), Color.web("#cde4ff"), Color.web("#cf222e"),
            Color.web("#ddf4ff"),
            List.of("#24292f", "#cf222e", "#116329", "#9a6700", "#0550ae", "#8250df", "#1b7c83", "#6e7781",
                    "#57606a", "#a40e26", "#1a7f37", "#7d4e00", "#0969da", "#a475f9", "#3192aa", "#8c959f"),
            List.of("#0969da", "#8250df", "#1a7f37", "#bc4c00", "#cf222e", "#1b7c83", "#9a6700", "#bf3989",
                    "#57606a", "#0550ae"));

    /** Readable on a near-black background. */
    public static final TerminalPalette DARK = new TerminalPalette(
            Color.web("#e6edf3"), Color.web("#0d1117"), Color.web("#8b949e"), Color.web("#58a6ff"),
            Color.web("#6e5a00"), Color.web("#b35900"), Color.web("#1c3556"), Color.web("#f85149"),
            Color.web("#0b2545"),
            List.of("#484f58", "#ff7b72", "#3fb950", "#d29922", "#58a6ff", "#bc8cff", "#39c5cf", "#b1bac4",
                    "#6e7681", "#ffa198", "#56d364", "#e3b341", "#79c0ff", "#d2a8ff", "#56d4dd", "#ffffff"),
            List.of("#58a6ff", "#bc8cff", "#3fb950", "#ffa657", "#ff7b72", "#39c5cf", "#d29922", "#f778ba",
                    "#b1bac4", "#79c0ff"));

    private static final int[] CUBE_LEVELS = {0, 95, 135, 175, 215, 255};

    private final Color foreground;
    private final Color background;
    private final Color muted;
    private final Color note;
    private final Color match;
    private final Color currentMatch;
    private final Color selection;
    private final Color errorMark;
    private final Color noteBackground;
    private final Color[] named = new Color[16];
    private final Color[] sources = new Color[LogSource.COLOR_SLOTS];

    /**
     * @param named   the 16 terminal colours: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones
     * @param sources {@value LogSource#COLOR_SLOTS} colours for source prefixes
     */
    public TerminalPalette(Color foreground, Color background, Color muted, Color note, Color match,
                           Color currentMatch, Color selection, Color errorMark, Color noteBackground,
                           List<String> named, List<String> sources) {
        if (named.size() != 16 || sources.size() != LogSource.COLOR_SLOTS) {
            throw new IllegalArgumentException("need 16 terminal colours and " + LogSource.COLOR_SLOTS + " source colours");
        }
        this.foreground = foreground;
        this.background = background;
        this.muted = muted;
        this.note = note;
        this.match = match;
        this.currentMatch = currentMatch;
        this.selection = selection;
        this.errorMark = errorMark;
        this.noteBackground = noteBackground;
        for (int i = 0; i < 16; i++) {
            this.named[i] = Color.web(named.get(i));
        }
        for (int i = 0; i < sources.size(); i++) {
            this.sources[i] = Color.web(sources.get(i));
        }
    }

    public Color foreground() {
        return foreground;
    }

    public Color background() {
        return background;
    }

    /** Timestamps and other secondary text. */
    public Color muted() {
        return muted;
    }

    /** Notes about the log itself ("container exited"). */
    public Color note() {
        return note;
    }

    /** Background of search matches. */
    public Color match() {
        return match;
    }

    /** Background of the match that next/previous is on. */
    public Color currentMatch() {
        return currentMatch;
    }

    /** Background of selected lines. */
    public Color selection() {
        return selection;
    }

    /** The bar that marks error output. */
    public Color errorMark() {
        return errorMark;
    }

    /** Background of notes. */
    public Color noteBackground() {
        return noteBackground;
    }

    public Color source(LogSource source) {
        return sources[source.colorSlot()];
    }

    /** The colour to draw {@code color} in; null (the default) gives {@code fallback}. */
    public Color resolve(TermColor color, Color fallback) {
        if (color == null) {
            return fallback;
        }
        if (!color.isIndexed()) {
            int v = color.value();
            return Color.rgb((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
        }
        int i = color.value();
        if (i < 16) {
            return named[i];
        }
        if (i < 232) {
            int c = i - 16;
            return Color.rgb(CUBE_LEVELS[c / 36], CUBE_LEVELS[(c / 6) % 6], CUBE_LEVELS[c % 6]);
        }
        int grey = 8 + (i - 232) * 10;
        return Color.rgb(grey, grey, grey);
    }
}
