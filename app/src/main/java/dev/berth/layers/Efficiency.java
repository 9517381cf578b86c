package dev.berth.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of an image's bytes nobody can see, computed correctly: for each path written in more
 * than one layer, everything but the copy that stays; for each path removed later, every copy.
 * (dive counts the kept copy as wasted too, and ignores deletions.)
 *
 * @param totalBytes   file content summed over all layers
 * @param wastedBytes  content hidden by later layers
 * @param wastedPaths  how many paths waste something
 * @param wastes       the biggest wastes first (at most {@link #MAX_LISTED})
 * @param hiddenPerLayer for each layer, bytes it wrote that later layers hide (adds up to {@code wastedBytes})
 */
public record Efficiency(long totalBytes, long wastedBytes, int wastedPaths, List<Waste> wastes,
                         List<Long> hiddenPerLayer) {

    public static final int MAX_LISTED = 500;

    /**
     * One path's waste.
     *
     * @param layers   the layers that wrote it, and the one that removed it, in order
     * @param copies   how many layers wrote it
     * @param removed  true when the final image no longer has it
     */
    public record Waste(String path, long wastedBytes, int copies, List<Integer> layers, boolean removed) {
    }

    /** 1.0 when nothing is wasted; the share of bytes still visible in the final filesystem. */
    public double score() {
        return totalBytes == 0 ? 1.0 : (double) (totalBytes - wastedBytes) / totalBytes;
    }

    public static Efficiency of(List<LayerFiles> layers) {
        MergedTree tree = new MergedTree();
        Accumulator accumulator = new Accumulator(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            tree.apply(layers.get(i), i, accumulator);
        }
        return accumulator.finish(tree);
    }

    /** Listens to a replay of the layers; {@link #finish} reads the final filesystem. */
    static final class Accumulator implements MergedTree.Listener {
        private final Map<String, Written> byPath = new HashMap<>();
        private final long[] hidden;
        private long total;

        Accumulator(int layers) {
            hidden = new long[layers];
        }

        @Override
        public void removed(MergedTree.Node node, int layer) {
            MergedTree.forEachEntry(node, n -> {
                if (n.entry.isFile()) {
                    hidden[n.layer] += n.entry.size();
                }
                Written w = byPath.get(n.entry.path());
                if (w != null) {
                    w.addLayer(layer);
                }
            });
        }

        @Override
        public void written(LayerEntry entry, LayerEntry lower, boolean lowerExisted, int lowerLayer, int layer) {
            if (lower != null && lower.isFile()) {
                hidden[lowerLayer] += lower.size();
            }
            if (entry.isFile()) {
                total += entry.size();
                Written w = byPath.computeIfAbsent(entry.path(), p -> new Written());
                w.bytes += entry.size();
                w.copies++;
                w.addLayer(layer);
            }
        }

        Efficiency finish(MergedTree tree) {
            return Efficiency.finish(tree, byPath, hidden, total);
        }
    }

    private static Efficiency finish(MergedTree tree, Map<String, Written> byPath, long[] hidden, long totalBytes) {
        List<Waste> wastes = new ArrayList<>();
        long wasted = 0;
        for (Map.Entry<String, Written> e : byPath.entrySet()) {
            MergedTree.Node node = tree.find(e.getKey());
            boolean kept = node != null && node.entry != null && node.entry.isFile();
            long waste = e.getValue().bytes - (kept ? node.entry.size() : 0);
            if (waste > 0) {
                wasted += waste;
                wastes.add(new Waste("/" + e.getKey(), waste, e.getValue().copies, e.getValue().layerList(), !kept));
            }
        }
        wastes.sort(Comparator.comparingLong(Waste::wastedBytes).reversed().thenComparing(Waste::path));
        int count = wastes.size();
        List<Long> perLayer = new ArrayList<>(hidden.length);
        for (long h : hidden) {
            perLayer.add(h);
        }
        return new Efficiency(totalBytes, wasted, count,
                List.copyOf(wastes.subList(0, Math.min(MAX_LISTED, wastes.size()))), List.copyOf(perLayer));
    }

    /** Bytes and layers written for one path; a tiny int list, as most paths appear once. */
    private static final class Written {
        long bytes;
        int copies;
        int[] layers = new int[1];
        int count;

        void addLayer(int layer) {
            if (count > 0 && layers[count - 1] == layer) {
                return;
            }
            if (count == layers.length) {
                layers = Arrays.copyOf(layers, count * 2);
            }
            layers[count++] = layer;
        }

        List<Integer> layerList() {
            List<Integer> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(layers[i]);
            }
            return out;
        }
    }
}
