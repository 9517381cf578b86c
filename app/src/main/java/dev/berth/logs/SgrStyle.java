package dev.berth.logs;

/**
 * Text attributes set by ANSI SGR sequences, packed into one {@code long} so a styled line costs
 * two small arrays, not an object per run.
 *
 * <p>Layout: bits 0-25 foreground colour, bits 26-51 background colour, bits 52-58 flags. A colour
 * is 0 (the terminal default), {@link #indexed(int)} (0-255, the 16 named colours first) or
 * {@link #rgb(int, int, int)} (24-bit).
 */
public final class SgrStyle {

    public static final long PLAIN = 0;

    public static final long BOLD = 1L << 52;
    public static final long DIM = 1L << 53;
    public static final long ITALIC = 1L << 54;
    public static final long UNDERLINE = 1L << 55;
    public static final long INVERSE = 1L << 56;
    public static final long HIDDEN = 1L << 57;
    public static final long STRIKETHROUGH = 1L << 58;

    public static final int DEFAULT_COLOR = 0;

    private static final int COLOR_BITS = 26;
    private static final long COLOR_MASK = (1L << COLOR_BITS) - 1;
    private static final int KIND_INDEXED = 1 << 24;
    private static final int KIND_RGB = 2 << 24;
    private static final int KIND_MASK = 3 << 24;

    private SgrStyle() {
    }

    public static int indexed(int index) {
        return KIND_INDEXED | (index & 0xff);
    }

    public static int rgb(int red, int green, int blue) {
        return KIND_RGB | ((red & 0xff) << 16) | ((green & 0xff) << 8) | (blue & 0xff);
    }

    public static int foreground(long style) {
        return (int) (style & COLOR_MASK);
    }

    public static int background(long style) {
        return (int) ((style >>> COLOR_BITS) & COLOR_MASK);
    }

    public static long withForeground(long style, int color) {
        return (style & ~COLOR_MASK) | (color & COLOR_MASK);
    }

    public static long withBackground(long style, int color) {
        return (style & ~(COLOR_MASK << COLOR_BITS)) | ((color & COLOR_MASK) << COLOR_BITS);
    }

    public static boolean has(long style, long flag) {
        return (style & flag) != 0;
    }

    public static boolean isIndexed(int color) {
        return (color & KIND_MASK) == KIND_INDEXED;
    }

    public static boolean isRgb(int color) {
        return (color & KIND_MASK) == KIND_RGB;
    }

    /** The palette index (0-255) of an indexed colour. */
    public static int index(int color) {
        return color & 0xff;
    }

    /** The 0xRRGGBB value of a 24-bit colour. */
    public static int rgbValue(int color) {
        return color & 0xffffff;
    }
}
