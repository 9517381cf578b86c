package dev.berth.layers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The filesystem as layers stack up: applying a layer first removes what its whiteouts and opaque
 * folders hide in the lower layers, then writes its entries (which whiteouts never hide).
 */
final class MergedTree {

    /** Hears what applying a layer does; both callbacks are optional. */
    interface Listener {
        /** {@code node} and everything under it left the filesystem in {@code layer}. */
        default void removed(Node node, int layer) {
        }

        /**
         * {@code entry} was written in {@code layer} over {@code lower} (null when new, or a folder
         * only implied), which {@code lowerLayer} had written.
         */
        default void written(LayerEntry entry, LayerEntry lower, boolean lowerExisted, int lowerLayer, int layer) {
        }
    }

    static final class Node {
        final String name;
        Node parent;
        HashMap<String, Node> children;
        /** Null for a folder no layer wrote an entry for (a parent implied by its children). */
        LayerEntry entry;
        int layer = -1;

        Node(String name, Node parent) {
            this.name = name;
            this.parent = parent;
        }

        boolean hasChildren() {
            return children != null && !children.isEmpty();
        }
    }

    final Node root = new Node("", null);

    Node find(String path) {
        Node node = root;
        int i = 0;
        int n = path.length();
        while (i < n && node != null) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            node = node.children == null ? null : node.children.get(path.substring(i, end));
            i = end + 1;
        }
        return node;
    }

    Node ensure(String path) {
        Node node = root;
        int i = 0;
        int n = path.length();
        while (i < n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            String name = path.substring(i, end);
            if (node.children == null) {
                node.children = new HashMap<>(4);
            }
            Node next = node.children.get(name);
            if (next == null) {
                next = new Node(name, node);
                node.children.put(name, next);
            }
            node = next;
            i = end + 1;
        }
        return node;
    }

    private void detach(Node node) {
        if (node.parent != null && node.parent.children != null) {
            node.parent.children.remove(node.name);
        }
        node.parent = null;
    }

    /** Applies one layer on top. */
    void apply(LayerFiles layer, int index, Listener listener) {
        for (String deleted : layer.deletions()) {
            Node node = find(deleted);
            if (node != null && node != root) {
                detach(node);
                listener.removed(node, index);
            }
        }
        for (String dir : layer.opaqueDirs()) {
            Node node = dir.isEmpty() ? root : find(dir);
            if (node != null && node.children != null) {
                for (Node child : new ArrayList<>(node.children.values())) {
                    detach(child);
                    listener.removed(child, index);
                }
            }
        }
        for (LayerEntry entry : layer.entries()) {
            Node node = find(entry.path());
            boolean existed = node != null;
            LayerEntry lower = existed ? node.entry : null;
            int lowerLayer = existed ? node.layer : -1;
            if (existed && !entry.isDirectory() && node.hasChildren()) {
                // A file replacing a folder takes the folder's contents with it.
                for (Node child : new ArrayList<>(node.children.values())) {
                    detach(child);
                    listener.removed(child, index);
                }
            }
            if (node == null) {
                node = ensure(entry.path());
            }
            node.entry = entry;
            node.layer = index;
            listener.written(entry, lower, existed, lowerLayer, index);
        }
    }

    /** Every node with an entry at or below {@code top}, depth first; iterative for deep trees. */
    static void forEachEntry(Node top, Consumer<Node> action) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node.entry != null) {
                action.accept(node);
            }
            if (node.children != null) {
                for (Node child : node.children.values()) {
                    stack.push(child);
                }
            }
        }
    }

    /** The entries under {@code top}, for callers that need a list. */
    static List<LayerEntry> entries(Node top) {
        List<LayerEntry> out = new ArrayList<>();
        forEachEntry(top, n -> out.add(n.entry));
        return out;
    }
}
