package dev.berth.ui.logview;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Where a line came from when a {@link LogView} shows several logs merged (for example one per
 * service). Each source gets a stable colour from its name, and can be hidden.
 */
public final class LogSource {

    /** How many distinct prefix colours the palettes define. */
    static final int COLOR_SLOTS = 10;

    private final String name;
    private final int colorSlot;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);

    public LogSource(String name) {
        this.name = name;
        // Same name, same colour, in every run.
        this.colorSlot = Math.floorMod(stableHash(name), COLOR_SLOTS);
    }

    private static int stableHash(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    public String name() {
        return name;
    }

    /** Index into the palette's source colours. */
    public int colorSlot() {
        return colorSlot;
    }

    /** False hides this source's lines. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public boolean isShown() {
        return shown.get();
    }

    public void setShown(boolean value) {
        shown.set(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
