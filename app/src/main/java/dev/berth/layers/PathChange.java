package dev.berth.layers;

/**
 * What one layer did to one path.
 *
 * @param entry  the path as it is after the layer; for {@link Kind#REMOVED}, as it was before
 * @param lower  the path as the lower layers had it, or null when it is new
 * @param layer  index of the layer (0 = bottom) the change belongs to
 */
public record PathChange(String path, Kind kind, LayerEntry entry, LayerEntry lower, int layer) {

    public enum Kind {
        ADDED, MODIFIED, REMOVED,
        /** In the layer only because something below it changed, or shown for context. */
        UNCHANGED
    }
}
