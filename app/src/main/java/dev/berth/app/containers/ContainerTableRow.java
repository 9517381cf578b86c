package dev.berth.app.containers;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A row of the containers table: styles compose project rows apart, opens a container's details
 * on double-click, and offers the actions on its container or project on right-click.
 */
final class ContainerTableRow extends TreeTableRow<ContainerEntry> {

    private final ContainerCommands commands;

    ContainerTableRow(ContainerCommands commands) {
        this.commands = commands;
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && getItem() instanceof ContainerRow container) {
                commands.openDetails(container);
            }
        });
        setOnContextMenuRequested(e -> {
            if (getItem() != null) {
                contextMenu(getItem()).show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    @Override
    protected void updateItem(ContainerEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().remove("compose-project-row");
        if (entry instanceof ComposeGroup) {
            getStyleClass().add("compose-project-row");
        }
    }

    private ContextMenu contextMenu(ContainerEntry entry) {
        ContextMenu menu = new ContextMenu();
        if (entry instanceof ComposeGroup group) {
            menu.getItems().addAll(
                    item("Start project", Material2MZ.PLAY_ARROW, () -> commands.perform(BulkAction.START, group.members())),
                    item("Stop project", Material2MZ.STOP, () -> commands.perform(BulkAction.STOP, group.members())),
                    item("Restart project", Material2MZ.REFRESH, () -> commands.perform(BulkAction.RESTART, group.members())),
                    new SeparatorMenuItem(),
                    item("Open on the Compose page", Material2AL.LAYERS, () -> commands.showStack(group.project())),
                    new SeparatorMenuItem(),
                    item("Remove project…", Material2AL.DELETE, () -> commands.confirmAndRemove(group.members())));
            return menu;
        }
        ContainerRow row = (ContainerRow) entry;
        List<ContainerRow> chosen = commands.targets().contains(row) ? commands.targets() : List.of(row);
        menu.getItems().addAll(
                item("Open details", Material2AL.INFO, () -> commands.openDetails(row)),
                new SeparatorMenuItem(),
                item("Start", Material2MZ.PLAY_ARROW, () -> commands.perform(BulkAction.START, chosen)),
                item("Stop", Material2MZ.STOP, () -> commands.perform(BulkAction.STOP, chosen)),
                item("Restart", Material2MZ.REFRESH, () -> commands.perform(BulkAction.RESTART, chosen)),
                item("Pause", Material2MZ.PAUSE, () -> commands.perform(BulkAction.PAUSE, chosen)),
                item("Unpause", Material2MZ.PLAY_CIRCLE_OUTLINE, () -> commands.perform(BulkAction.UNPAUSE, chosen)),
                item("Kill", Material2AL.FLASH_ON, () -> commands.perform(BulkAction.KILL, chosen)),
                new SeparatorMenuItem(),
                item("Rename…", Material2AL.EDIT, () -> commands.rename(row)),
                item("Run again with these settings…", Material2AL.CONTENT_COPY, () -> commands.duplicate(row)),
                item("Commit to image…", Material2MZ.SAVE, () -> commands.commit(row)),
                item("Copy ID", Material2AL.CONTENT_PASTE, () -> copy(row.id())),
                new SeparatorMenuItem(),
                item("Remove…", Material2AL.DELETE, () -> commands.confirmAndRemove(chosen)));
        return menu;
    }

    private static MenuItem item(String text, Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
