package dev.berth.ui.filetree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain, immutable tree of {@link FileEntry}s, built once from a flat list. Folders that have no
 * entry of their own (the parents of {@code usr/bin/env}) are implied; every folder knows the total
 * size of what it holds and whether anything below it changed, so a view can show sizes and hide
 * unchanged branches without walking the tree again.
 *
 * <p>Building does not need the FX thread: build it in the background, then hand it to a
 * {@link FileTreeView}.
 *
 * <pre>{@code
 * FileTreeModel model = FileTreeModel.of(List.of(
 *         new FileEntry("etc/hosts", ChangeKind.MODIFIED, FileType.FILE, 174, 0644, "0:0", null),
 *         FileEntry.of("tmp/cache", ChangeKind.REMOVED, FileType.DIRECTORY)));
 * model.find("etc").get().size();   // 174
 * }</pre>
 */
public final class FileTreeModel {

    /** Folders first, then by name; the order children are kept in. */
    public static final Comparator<Node> BY_NAME = Comparator.comparing((Node n) -> !n.isDirectory())
            .thenComparing(Node::name);
    /** Biggest first (a folder counts what it holds), then by name. */
    public static final Comparator<Node> BY_SIZE = Comparator.comparingLong((Node n) -> -Math.max(0, n.size()))
            .thenComparing(Node::name);

    private static final FileTreeModel EMPTY = of(List.of());

    private final Node root;
    private final int entryCount;

    private FileTreeModel(Node root, int entryCount) {
        this.root = root;
        this.entryCount = entryCount;
    }

    public static FileTreeModel empty() {
        return EMPTY;
    }

    /** Builds the tree; a later entry for the same path replaces an earlier one. */
    public static FileTreeModel of(Collection<FileEntry> entries) {
        Node root = new Node("", null);
        Map<String, Node> byPath = new HashMap<>(Math.max(16, entries.size() * 2));
        byPath.put("", root);
        for (FileEntry entry : entries) {
            String path = normalize(entry.path());
            Node node = path.isEmpty() ? root : nodeFor(byPath, path);
            node.entry = entry;
        }
        finish(root);
        return new FileTreeModel(root, entries.size());
    }

    /** The node at {@code path}, creating it and any missing parents; iterative, so depth is no limit. */
    private static Node nodeFor(Map<String, Node> byPath, String path) {
        Node existing = byPath.get(path);
        if (existing != null) {
            return existing;
        }
        // Walk up to the deepest parent that exists, then create the missing ones downwards.
        int end = path.length();
        Node parent = null;
        while (parent == null) {
            end = path.lastIndexOf('/', end - 1);
            parent = end < 0 ? byPath.get("") : byPath.get(path.substring(0, end));
            if (end < 0) {
                break;
            }
        }
        int start = end + 1;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int stop = slash < 0 ? path.length() : slash;
            Node node = new Node(path.substring(start, stop), parent);
            parent.children.add(node);
            byPath.put(path.substring(0, stop), node);
            parent = node;
            start = stop + 1;
        }
        return parent;
    }

    /** Sizes and change counts bottom-up, children sorted; iterative, so deep trees cannot overflow. */
    private static void finish(Node root) {
        Deque<Node> stack = new ArrayDeque<>();
        List<Node> postOrder = new ArrayList<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            postOrder.add(n);
            for (Node c : n.children) {
                stack.push(c);
            }
        }
        for (int i = postOrder.size() - 1; i >= 0; i--) {
            Node n = postOrder.get(i);
            long total = n.entry != null && n.entry.kind() != ChangeKind.REMOVED && !n.isDirectory()
                    ? Math.max(0, n.entry.size()) : 0;
            int changes = n.kind().isChange() ? 1 : 0;
            for (Node c : n.children) {
                total += c.isDirectory() ? c.totalSize : (c.kind() == ChangeKind.REMOVED ? 0 : Math.max(0, c.size()));
                changes += c.changes;
            }
            n.totalSize = total;
            n.changes = changes;
            n.children.sort(BY_NAME);
            n.frozen = Collections.unmodifiableList(n.children);
        }
    }

    /** {@code /usr//bin/} → {@code usr/bin}; {@code ./etc} → {@code etc}. */
    static String normalize(String path) {
        if (isNormal(path)) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /** Most paths arrive clean; checking is cheaper than rebuilding them. */
    private static boolean isNormal(String path) {
        int n = path.length();
        if (n == 0) {
            return true;
        }
        if (path.charAt(0) == '/' || path.charAt(n - 1) == '/') {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int len = i - start;
                if (len == 0 || len == 1 && path.charAt(start) == '.') {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    public Node root() {
        return root;
    }

    /** How many entries the model was built from. */
    public int entryCount() {
        return entryCount;
    }

    /** How many entries below the root are changes (added, modified or removed). */
    public int changeCount() {
        return root.changes - (root.kind().isChange() ? 1 : 0);
    }

    /** The node at a path, e.g. {@code "/usr/bin"}. */
    public Optional<Node> find(String path) {
        Node node = root;
        for (String part : normalize(path).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            node = node.child(part);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** A path in the tree; folders without an entry of their own are implied and unchanged. */
    public static final class Node {
        private final String name;
        private final Node parent;
        private final List<Node> children = new ArrayList<>(0);
        private List<Node> frozen = List.of();
        private FileEntry entry;
        private long totalSize;
        private int changes;

        private Node(String name, Node parent) {
            this.name = name;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        public Node parent() {
            return parent;
        }

        /** The entry for this path, or null for an implied folder. */
        public FileEntry entry() {
            return entry;
        }

        /** Children, folders first, then by name. */
        public List<Node> children() {
            return frozen;
        }

        public ChangeKind kind() {
            return entry == null ? ChangeKind.UNCHANGED : entry.kind();
        }

        public FileType type() {
            if (entry != null) {
                return entry.type();
            }
            return FileType.DIRECTORY;
        }

        public boolean isDirectory() {
            return type() == FileType.DIRECTORY || !children.isEmpty();
        }

        /** A file's size, or for a folder the total of the files it holds (removed ones not counted). */
        public long size() {
            if (isDirectory()) {
                return totalSize;
            }
            return entry == null ? -1 : entry.size();
        }

        /** True when this path or anything below it was added, modified or removed. */
        public boolean hasChanges() {
            return changes > 0;
        }

        /** Added, modified and removed paths at and below this one. */
        public int changeCount() {
            return changes;
        }

        /** The absolute path, e.g. {@code /usr/bin/env}; the root is {@code /}. */
        public String path() {
            if (parent == null) {
                return "/";
            }
            Deque<String> parts = new ArrayDeque<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                parts.push(n.name);
            }
            return "/" + String.join("/", parts);
        }

        /** The child with this name, or null; children are sorted, folders first. */
        public Node child(String childName) {
            for (Node c : frozen) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return path();
        }
    }
}
