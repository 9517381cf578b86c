package dev.berth.app.containers;

import dev.berth.app.common.AppServices;
import dev.berth.app.containers.details.ContainerDetailsPane;
import dev.berth.app.containers.run.RunDialog;
import dev.berth.engine.ContainerSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Window;

/**
 * What the containers view does to containers from its buttons, keys and menus: bulk actions on
 * the chosen containers, removal after asking, rename, commit, run and run again, open details.
 */
final class ContainerCommands {

    private final AppServices services;
    private final ContainersViewModel model;
    private final TreeTableView<ContainerEntry> table;
    private final Supplier<Window> window;
    private final BiConsumer<String, ContainerDetailsPane.Tab> openDetails;

    ContainerCommands(AppServices services, ContainersViewModel model, TreeTableView<ContainerEntry> table,
                      Supplier<Window> window, BiConsumer<String, ContainerDetailsPane.Tab> openDetails) {
        this.services = services;
        this.model = model;
        this.table = table;
        this.window = window;
        this.openDetails = openDetails;
    }

    /** The containers chosen: selected ones, and every container of a selected project. */
    List<ContainerRow> targets() {
        Set<ContainerRow> rows = new LinkedHashSet<>();
        for (TreeItem<ContainerEntry> item : table.getSelectionModel().getSelectedItems()) {
            if (item == null) {
                continue;
            }
            if (item.getValue() instanceof ContainerRow row) {
                rows.add(row);
            } else if (item.getValue() instanceof ComposeGroup group) {
                rows.addAll(group.members());
            }
        }
        return List.copyOf(rows);
    }

    Optional<ContainerRow> selectedContainer() {
        TreeItem<ContainerEntry> item = table.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ContainerRow row ? Optional.of(row) : Optional.empty();
    }

    /** Goes to the Compose page, on the project's stack. */
    void showStack(String project) {
        services.navigator().showStack(project);
    }

    void perform(BulkAction action, List<ContainerRow> targets) {
        model.perform(action, targets, false);
    }

    void confirmAndRemove(List<ContainerRow> targets) {
        if (targets.isEmpty()) {
            return;
        }
        ContainerDialogs.confirmRemove(window.get(), targets)
                .ifPresent(removeVolumes -> model.remove(targets, removeVolumes));
    }

    void rename(ContainerRow row) {
        ContainerDialogs.rename(window.get(), row, model);
    }

    void commit(ContainerRow row) {
        ContainerDialogs.commit(window.get(), row, model, services.notifier());
    }

    void duplicate(ContainerRow row) {
        model.settingsOf(row, spec -> openRunDialog(spec.withName(row.name() + "-copy")));
    }

    void openRunDialog(ContainerSpec prefill) {
        RunDialog.open(window.get(), services, prefill, (id, attach) -> {
            if (attach) {
                Platform.runLater(() -> openDetails.accept(id, ContainerDetailsPane.Tab.LOGS));
            }
        });
    }

    void openDetails(ContainerRow row) {
        openDetails.accept(row.id(), ContainerDetailsPane.Tab.OVERVIEW);
    }
}
