package dev.berth.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image's layers in order, and what each does to the filesystem. Views are computed on demand
 * by replaying the layers (a few tens of milliseconds for tens of thousands of files), so nothing
 * but the per-layer indexes stays in memory.
 */
public final class LayerStack {

    private final List<LayerFiles> layers;
    /** Every layer's changes and the efficiency, from one replay the first time either is asked for. */
    private List<List<PathChange>> changes;
    private Efficiency efficiency;
    /** The whole filesystem after the top layer, which the same replay ends with. */
    private List<PathChange> topFilesystem;

    public LayerStack(List<LayerFiles> layers) {
        this.layers = List.copyOf(layers);
    }

    public List<LayerFiles> layers() {
        return layers;
    }

    public int size() {
        return layers.size();
    }

    /** What layer {@code index} adds, modifies and removes (opaque folders list each hidden path). */
    public List<PathChange> changes(int index) {
        check(index);
        return everyLayersChanges().get(index);
    }

    /**
     * One replay records what every layer changes, so stepping through the layers costs nothing
     * more (the changes hold about one object per path written, a few megabytes for a large image).
     */
    private synchronized List<List<PathChange>> everyLayersChanges() {
        replayOnce();
        return changes;
    }

    /** Wasted space; see {@link Efficiency}. */
    public synchronized Efficiency efficiency() {
        replayOnce();
        return efficiency;
    }

    private void replayOnce() {
        if (changes != null) {
            return;
        }
        List<List<PathChange>> all = new ArrayList<>(layers.size());
        MergedTree tree = new MergedTree();
        Efficiency.Accumulator waste = new Efficiency.Accumulator(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Recorder recorder = new Recorder(i);
            tree.apply(layers.get(i), i, new MergedTree.Listener() {
                @Override
                public void removed(MergedTree.Node node, int layer) {
                    recorder.removed(node, layer);
                    waste.removed(node, layer);
                }

                @Override
                public void written(LayerEntry entry, LayerEntry lower, boolean lowerExisted, int lowerLayer, int layer) {
                    recorder.written(entry, lower, lowerExisted, lowerLayer, layer);
                    waste.written(entry, lower, lowerExisted, lowerLayer, layer);
                }
            });
            all.add(List.copyOf(recorder.result()));
        }
        efficiency = waste.finish(tree);
        changes = List.copyOf(all);
        topFilesystem = layers.isEmpty() ? List.of() : List.copyOf(filesystemOf(tree, all.get(all.size() - 1)));
    }

    /**
     * The whole filesystem as of layer {@code index}: every path present, marked with what that
     * layer did to it (most are {@link PathChange.Kind#UNCHANGED}), plus the paths it removed.
     */
    public List<PathChange> filesystem(int index) {
        check(index);
        if (index == layers.size() - 1) {
            synchronized (this) {
                replayOnce();
                return topFilesystem;
            }
        }
        Recorder recorder = new Recorder(index);
        MergedTree tree = new MergedTree();
        for (int i = 0; i <= index; i++) {
            tree.apply(layers.get(i), i, i == index ? recorder : new MergedTree.Listener() { });
        }
        return filesystemOf(tree, recorder.result());
    }

    /** Everything in {@code tree}, marked with what the top layer's {@code changes} did to it. */
    private static List<PathChange> filesystemOf(MergedTree tree, List<PathChange> topChanges) {
        Map<String, PathChange> changed = new HashMap<>();
        for (PathChange c : topChanges) {
            changed.put(c.path(), c);
        }
        List<PathChange> out = new ArrayList<>();
        MergedTree.forEachEntry(tree.root, node -> {
            PathChange c = changed.remove(node.entry.path());
            out.add(c != null ? c : new PathChange(node.entry.path(), PathChange.Kind.UNCHANGED, node.entry, node.entry,
                    node.layer));
        });
        for (PathChange c : changed.values()) {
            if (c.kind() == PathChange.Kind.REMOVED) {
                out.add(c);
            }
        }
        return out;
    }

    /** Path → entry of the filesystem as of layer {@code index}. */
    public Map<String, LayerEntry> snapshot(int index) {
        check(index);
        MergedTree tree = new MergedTree();
        for (int i = 0; i <= index; i++) {
            tree.apply(layers.get(i), i, new MergedTree.Listener() { });
        }
        Map<String, LayerEntry> out = new HashMap<>();
        MergedTree.forEachEntry(tree.root, node -> out.put(node.entry.path(), node.entry));
        return out;
    }

    private void check(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IndexOutOfBoundsException("no layer " + index + " in an image with " + layers.size());
        }
    }

    /** Collects the changes of one layer; a path removed and written again in it is modified. */
    private static final class Recorder implements MergedTree.Listener {
        private final int index;
        private final Map<String, PathChange> written = new LinkedHashMap<>();
        private final Map<String, LayerEntry> removed = new LinkedHashMap<>();

        Recorder(int index) {
            this.index = index;
        }

        @Override
        public void removed(MergedTree.Node node, int layer) {
            MergedTree.forEachEntry(node, n -> removed.put(n.entry.path(), n.entry));
        }

        @Override
        public void written(LayerEntry entry, LayerEntry lower, boolean lowerExisted, int lowerLayer, int layer) {
            LayerEntry before = lower != null ? lower : removed.remove(entry.path());
            boolean existed = lowerExisted || before != null;
            PathChange.Kind kind;
            if (!existed) {
                kind = PathChange.Kind.ADDED;
            } else if (entry.isDirectory() && (before == null || before.isDirectory() && before.mode() == entry.mode()
                    && before.uid() == entry.uid() && before.gid() == entry.gid())) {
                kind = PathChange.Kind.UNCHANGED;
            } else {
                kind = PathChange.Kind.MODIFIED;
            }
            written.put(entry.path(), new PathChange(entry.path(), kind, entry, before, index));
        }

        List<PathChange> result() {
            List<PathChange> out = new ArrayList<>(written.values());
            for (Map.Entry<String, LayerEntry> r : removed.entrySet()) {
                if (!written.containsKey(r.getKey())) {
                    out.add(new PathChange(r.getKey(), PathChange.Kind.REMOVED, r.getValue(), r.getValue(), index));
                }
            }
            return out;
        }
    }
}
