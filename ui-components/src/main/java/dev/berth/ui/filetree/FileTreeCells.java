package dev.berth.ui.filetree;

import dev.berth.ui.filetree.FileTreeModel.Node;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** How the file tree draws its rows and cells: change colours, the name with its mark and icon, text. */
final class FileTreeCells {

    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");

    private FileTreeCells() {
    }

    /** A row coloured by its node's change kind through the added, modified and removed pseudo-classes. */
    static final class ChangeRow extends TreeTableRow<Node> {
        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            ChangeKind kind = empty || node == null ? ChangeKind.UNCHANGED : node.kind();
            pseudoClassStateChanged(ADDED, kind == ChangeKind.ADDED);
            pseudoClassStateChanged(MODIFIED, kind == ChangeKind.MODIFIED);
            pseudoClassStateChanged(REMOVED, kind == ChangeKind.REMOVED);
        }
    }

    /** The name with its change mark and an icon for its file type. */
    static final class NameCell extends TreeTableCell<Node, Node> {
        private final Label mark = new Label();
        private final FontIcon icon = new FontIcon();
        private final HBox graphic = new HBox(4, mark, icon);

        NameCell() {
            mark.getStyleClass().add("change-mark");
            icon.getStyleClass().add("file-icon");
            graphic.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("name-cell");
        }

        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(node.name());
            mark.setText(node.kind().mark());
            icon.setIconCode(switch (node.type()) {
                case DIRECTORY -> Material2AL.FOLDER;
                case SYMLINK, HARDLINK -> Material2AL.LINK;
                case FILE -> Material2OutlinedAL.INSERT_DRIVE_FILE;
                case OTHER -> Material2MZ.SETTINGS_INPUT_COMPONENT;
            });
            if (node.isDirectory() && node.type() != FileType.DIRECTORY) {
                icon.setIconCode(Material2AL.FOLDER);
            }
            setGraphic(graphic);
            setTooltip(node.kind().isChange() ? new Tooltip(node.path() + " · " + node.kind().word()) : null);
        }
    }

    /** One line of text about the node (size, mode, owner, link target). */
    static final class TextCell extends TreeTableCell<Node, Node> {
        private final Function<Node, String> text;

        TextCell(Function<Node, String> text, String styleClass) {
            this.text = text;
            getStyleClass().add(styleClass);
        }

        @Override
        protected void updateItem(Node node, boolean empty) {
            super.updateItem(node, empty);
            setText(empty || node == null ? null : text.apply(node));
        }
    }
}
