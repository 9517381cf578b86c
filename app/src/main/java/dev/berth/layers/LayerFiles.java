package dev.berth.layers;

import java.util.List;

/**
 * The compact index of one layer: what it writes, what it deletes (whiteouts) and which folders it
 * makes opaque. Keyed by {@link #diffId()}, the digest of the uncompressed layer tar.
 *
 * @param diffId      {@code sha256:...} of the uncompressed tar, computed while reading it
 * @param tarSize     bytes of the uncompressed tar
 * @param entries     paths written, in tar order
 * @param deletions   paths a {@code .wh.<name>} whiteout removes from lower layers
 * @param opaqueDirs  folders whose lower-layer contents a {@code .wh..wh..opq} marker hides
 * @param complete    false when the layer could not be read to its end (its entries are partial)
 * @param warnings    what looked wrong in this layer, in plain words
 */
public record LayerFiles(String diffId, long tarSize, List<LayerEntry> entries, List<String> deletions,
                         List<String> opaqueDirs, boolean complete, List<String> warnings) {

    /** A layer the archive lacked: shown, but with nothing in it. */
    public static LayerFiles missing(String diffId) {
        return new LayerFiles(diffId, 0, List.of(), List.of(), List.of(), false, List.of());
    }

    /** Bytes of file content this layer writes. */
    public long contentBytes() {
        long total = 0;
        for (LayerEntry e : entries) {
            if (e.isFile()) {
                total += e.size();
            }
        }
        return total;
    }
}
