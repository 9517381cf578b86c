package dev.berth.ui.filetree;

import dev.berth.ui.filetree.FileTreeModel.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What the filter and "only changes" leave of a tree: the matching nodes and every folder above one. */
final class FilterMatches {

    /** No filter: every node is shown. */
    static final FilterMatches ALL = new FilterMatches(null, List.of());

    /** Null when every node is shown; otherwise the nodes that match or hold a match. */
    private final Set<Node> visible;
    private final List<Node> matches;

    private FilterMatches(Set<Node> visible, List<Node> matches) {
        this.visible = visible;
        this.matches = matches;
    }

    static FilterMatches of(FileTreeModel model, PathFilter filter, boolean changesOnly) {
        if (filter.matchesAll() && !changesOnly) {
            return ALL;
        }
        Set<Node> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> hits = new ArrayList<>();
        // Depth-first with the path built on the way down, so each path string is made once.
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        nodes.push(model.root());
        paths.push("");
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            String path = paths.pop();
            if (changesOnly && !n.hasChanges()) {
                continue;
            }
            if (n.parent() != null && (!changesOnly || n.kind().isChange()) && filter.test(path)) {
                hits.add(n);
                for (Node up = n; up != null && shown.add(up); up = up.parent()) {
                    // marks the match and every folder above it
                }
            }
            for (Node c : n.children()) {
                nodes.push(c);
                paths.push(path + "/" + c.name());
            }
        }
        return new FilterMatches(shown, hits);
    }

    /** Whether a filter is in effect at all. */
    boolean filtered() {
        return visible != null;
    }

    /** The nodes that match themselves (not the folders shown only because they hold one). */
    List<Node> matches() {
        return matches;
    }

    boolean shows(Node n) {
        return visible == null || visible.contains(n);
    }

    List<Node> shownChildren(Node node, Comparator<Node> order) {
        List<Node> kids = new ArrayList<>();
        for (Node c : node.children()) {
            if (shows(c)) {
                kids.add(c);
            }
        }
        kids.sort(order);
        return kids;
    }

    boolean hasShownChildren(Node node) {
        for (Node c : node.children()) {
            if (shows(c)) {
                return true;
            }
        }
        return false;
    }
}
