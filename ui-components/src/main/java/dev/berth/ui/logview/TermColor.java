package dev.berth.ui.logview;

/**
 * A terminal colour: an entry of the 256-colour palette (0-15 are the named colours a theme
 * chooses) or a 24-bit RGB value. The default colour is {@code null} wherever a TermColor is taken.
 */
public final class TermColor {

    private static final TermColor[] PALETTE = new TermColor[256];

    static {
        for (int i = 0; i < 256; i++) {
            PALETTE[i] = new TermColor(true, i);
        }
    }

    private final boolean indexed;
    private final int value;

    private TermColor(boolean indexed, int value) {
        this.indexed = indexed;
        this.value = value;
    }

    /** Palette entry 0-255: 0-7 normal, 8-15 bright, 16-231 the 6x6x6 cube, 232-255 greys. */
    public static TermColor indexed(int index) {
        if (index < 0 || index > 255) {
            throw new IllegalArgumentException("palette index out of range: " + index);
        }
        return PALETTE[index];
    }

    /** A 24-bit colour, 0xRRGGBB. */
    public static TermColor rgb(int rgb) {
        return new TermColor(false, rgb & 0xffffff);
    }

    public boolean isIndexed() {
        return indexed;
    }

    /** The palette index, or the 0xRRGGBB value. */
    public int value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermColor other && other.indexed == indexed && other.value == value;
    }

    @Override
    public int hashCode() {
        return indexed ? value : ~value;
    }

    @Override
    public String toString() {
        return indexed ? "palette " + value : String.format("#%06x", value);
    }
}
