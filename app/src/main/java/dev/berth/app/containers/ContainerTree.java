package dev.berth.app.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The tree the containers table shows: containers of a compose project under their project's
 * line, the others at the top level, and only those the filter keeps. It follows the list of rows
 * and each row's properties, moving one item at a time: a row keeps its tree item for as long as
 * it exists, so a change never rebuilds the table (selection, scroll and expansion stay).
 */
final class ContainerTree {

    private final TreeItem<ContainerEntry> root = new TreeItem<>();
    private final Map<ContainerRow, TreeItem<ContainerEntry>> items = new HashMap<>();
    private final Map<String, ComposeGroup> groups = new HashMap<>();
    private final Map<String, TreeItem<ContainerEntry>> groupItems = new HashMap<>();
    private final Map<ContainerRow, InvalidationListener> watchers = new HashMap<>();
    private final Runnable orderChanged;
    private java.util.function.Consumer<Runnable> around = Runnable::run;
    private ContainerFilter filter = ContainerFilter.NONE;

    /**
     * @param rows         the containers to show; the tree follows its changes
     * @param orderChanged called when items were added or moved, so the table can sort again
     */
    ContainerTree(ObservableList<ContainerRow> rows, Runnable orderChanged) {
        this.orderChanged = orderChanged;
        root.setExpanded(true);
        rows.addListener((ListChangeListener<ContainerRow>) change -> {
            List<ContainerRow> added = new ArrayList<>();
            List<ContainerRow> removed = new ArrayList<>();
            while (change.next()) {
                if (change.wasPermutated() || change.wasUpdated()) {
                    continue;
                }
                removed.addAll(change.getRemoved());
                added.addAll(change.getAddedSubList());
            }
            removed.removeAll(added);
            untrack(removed);
            track(added);
        });
        track(List.copyOf(rows));
    }

    TreeItem<ContainerEntry> root() {
        return root;
    }

    /**
     * Wraps every change to the tree's structure, e.g. to keep a table's selection across it (a
     * table can lose its selection when items around the selected ones come and go).
     */
    void aroundChanges(java.util.function.Consumer<Runnable> wrapper) {
        around = wrapper;
    }

    /** The item of a container (attached only while the filter keeps it). */
    TreeItem<ContainerEntry> itemOf(ContainerRow row) {
        return items.get(row);
    }

    ComposeGroup group(String project) {
        return groups.get(project);
    }

    void setFilter(ContainerFilter newFilter) {
        filter = newFilter;
        place(List.copyOf(items.keySet()));
    }

    ContainerFilter filter() {
        return filter;
    }

    private void track(List<ContainerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (ContainerRow row : rows) {
            if (items.containsKey(row)) {
                continue;
            }
            items.put(row, new TreeItem<>(row));
            String project = row.composeProject();
            if (project != null) {
                groups.computeIfAbsent(project, ComposeGroup::new).add(row);
            }
            InvalidationListener watcher = obs -> place(List.of(row));
            watchers.put(row, watcher);
            row.nameProperty().addListener(watcher);
            row.imageProperty().addListener(watcher);
            row.stateProperty().addListener(watcher);
        }
        place(rows);
    }

    private void untrack(List<ContainerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<TreeItem<ContainerEntry>, Set<TreeItem<ContainerEntry>>> removals = new LinkedHashMap<>();
        for (ContainerRow row : rows) {
            TreeItem<ContainerEntry> item = items.remove(row);
            if (item == null) {
                continue;
            }
            if (item.getParent() != null) {
                removals.computeIfAbsent(item.getParent(), p -> new HashSet<>()).add(item);
            }
            InvalidationListener watcher = watchers.remove(row);
            row.nameProperty().removeListener(watcher);
            row.imageProperty().removeListener(watcher);
            row.stateProperty().removeListener(watcher);
            String project = row.composeProject();
            if (project != null && groups.containsKey(project)) {
                ComposeGroup group = groups.get(project);
                group.remove(row);
                if (group.isEmpty()) {
                    groups.remove(project);
                }
            }
        }
        around.accept(() -> {
            removals.forEach((parent, children) -> parent.getChildren().removeAll(children));
            tidyGroups();
        });
    }

    /** Moves each row's item to where the filter and its project put it, in one change per parent. */
    private void place(List<ContainerRow> rows) {
        Map<TreeItem<ContainerEntry>, Set<TreeItem<ContainerEntry>>> removals = new LinkedHashMap<>();
        Map<TreeItem<ContainerEntry>, List<TreeItem<ContainerEntry>>> additions = new LinkedHashMap<>();
        for (ContainerRow row : rows) {
            TreeItem<ContainerEntry> item = items.get(row);
            if (item == null) {
                continue;
            }
            TreeItem<ContainerEntry> target = filter.test(row) ? parentFor(row) : null;
            TreeItem<ContainerEntry> current = item.getParent();
            if (current == target) {
                continue;
            }
            if (current != null) {
                removals.computeIfAbsent(current, p -> new HashSet<>()).add(item);
            }
            if (target != null) {
                additions.computeIfAbsent(target, p -> new ArrayList<>()).add(item);
            }
        }
        if (removals.isEmpty() && additions.isEmpty()) {
            return;
        }
        around.accept(() -> {
            removals.forEach((parent, children) -> parent.getChildren().removeAll(children));
            additions.forEach((parent, children) -> parent.getChildren().addAll(children));
            tidyGroups();
        });
        if (!additions.isEmpty()) {
            orderChanged.run();
        }
    }

    private TreeItem<ContainerEntry> parentFor(ContainerRow row) {
        String project = row.composeProject();
        if (project == null) {
            return root;
        }
        return groupItems.computeIfAbsent(project, p -> {
            TreeItem<ContainerEntry> item = new TreeItem<>(groups.computeIfAbsent(p, ComposeGroup::new));
            item.setExpanded(true);
            return item;
        });
    }

    /** A project's line shows while it holds a shown container. */
    private void tidyGroups() {
        List<TreeItem<ContainerEntry>> show = new ArrayList<>();
        List<TreeItem<ContainerEntry>> hide = new ArrayList<>();
        for (Map.Entry<String, TreeItem<ContainerEntry>> e : groupItems.entrySet()) {
            TreeItem<ContainerEntry> item = e.getValue();
            boolean wanted = !item.getChildren().isEmpty();
            if (wanted && item.getParent() == null) {
                show.add(item);
            } else if (!wanted && item.getParent() != null) {
                hide.add(item);
            }
        }
        if (!hide.isEmpty()) {
            root.getChildren().removeAll(hide);
        }
        groupItems.values().removeIf(item -> item.getChildren().isEmpty() && item.getParent() == null
                && groups.get(((ComposeGroup) item.getValue()).project()) != item.getValue());
        if (!show.isEmpty()) {
            root.getChildren().addAll(show);
            orderChanged.run();
        }
    }
}
