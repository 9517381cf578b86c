package dev.berth.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How two images relate: the leading layers they share (equal ChainIDs: what a rebuild took from
 * the cache, and what a pull of one would not download again after the other), where they part,
 * and the file-level difference at that first diverging layer.
 *
 * @param sharedLayers  how many bottom layers both have, identical
 * @param leftStep      the step that made the left image's first diverging layer, or null
 * @param rightStep     the same for the right image, or null
 * @param changes       left → right at the divergence: added in right, removed from left, modified
 */
public record ImageComparison(ImageAnalysis left, ImageAnalysis right, int sharedLayers, ImageStep leftStep,
                              ImageStep rightStep, List<PathChange> changes) {

    /** True when both have the same layers (they may still differ in metadata such as CMD). */
    public boolean sameLayers() {
        return sharedLayers == left.stack().size() && sharedLayers == right.stack().size();
    }

    /** Bytes of the shared layers: what the second image costs nothing to pull or store. */
    public long sharedBytes() {
        long total = 0;
        for (int i = 0; i < sharedLayers; i++) {
            total += left.layer(i).contentBytes();
        }
        return total;
    }

    public static ImageComparison of(ImageAnalysis left, ImageAnalysis right) {
        int shared = ChainIds.sharedPrefix(left.diffIds(), right.diffIds());
        int leftSize = left.stack().size();
        int rightSize = right.stack().size();
        if (shared == leftSize && shared == rightSize) {
            return new ImageComparison(left, right, shared, null, null, List.of());
        }
        // Past its last layer an image stays as it was: compare with its top.
        int leftIndex = Math.min(shared, leftSize - 1);
        int rightIndex = Math.min(shared, rightSize - 1);
        Map<String, LayerEntry> before = leftIndex < 0 ? Map.of() : left.stack().snapshot(leftIndex);
        Map<String, LayerEntry> after = rightIndex < 0 ? Map.of() : right.stack().snapshot(rightIndex);
        List<PathChange> changes = new ArrayList<>();
        for (Map.Entry<String, LayerEntry> e : after.entrySet()) {
            LayerEntry old = before.get(e.getKey());
            if (old == null) {
                changes.add(new PathChange(e.getKey(), PathChange.Kind.ADDED, e.getValue(), null, rightIndex));
            } else if (!old.sameAs(e.getValue())) {
                changes.add(new PathChange(e.getKey(), PathChange.Kind.MODIFIED, e.getValue(), old, rightIndex));
            }
        }
        for (Map.Entry<String, LayerEntry> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                changes.add(new PathChange(e.getKey(), PathChange.Kind.REMOVED, e.getValue(), e.getValue(), leftIndex));
            }
        }
        return new ImageComparison(left, right, shared,
                shared < leftSize ? left.stepOfLayer(shared) : null,
                shared < rightSize ? right.stepOfLayer(shared) : null, List.copyOf(changes));
    }
}
