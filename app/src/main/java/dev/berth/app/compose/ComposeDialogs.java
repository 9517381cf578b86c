package dev.berth.app.compose;

import dev.berth.app.common.ItemList;
import dev.berth.compose.DownPlan;
import dev.berth.engine.VolumeSummary;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Compose page's questions. */
final class ComposeDialogs {

    private ComposeDialogs() {
    }

    /** The volume box's words: the named volumes it deletes, and the containers' anonymous ones. */
    static String volumesText(DownPlan plan) {
        String anonymous = plan.containers().isEmpty() ? "" : "the containers' anonymous volumes";
        String named = plan.volumes().stream().map(VolumeSummary::name).collect(Collectors.joining(", "));
        return "Also remove its volumes, deleting their data for good: "
                + (named.isEmpty() ? anonymous : anonymous.isEmpty() ? named : named + ", and " + anonymous);
    }

    /** Asks before removing a container whose service is no longer in the file; true to remove it. */
    static boolean confirmRemoveOrphan(Window owner, ServiceRow row) {
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", remove, ButtonType.CANCEL);
        alert.setTitle("Remove container");
        alert.setHeaderText("Remove " + row.container() + "?");
        alert.getDialogPane().setContent(ItemList.of("Its service " + row.service() + " is no longer in the compose"
                + " file. The container is " + (row.state() == null ? "gone" : row.state().word())
                + "; it is stopped and removed, with what it wrote outside its volumes:", List.of(row.container())));
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-remove-orphan");
        alert.getDialogPane().lookupButton(remove).getStyleClass().add("danger");
        return alert.showAndWait().filter(remove::equals).isPresent();
    }

    /** Asks to save the edited compose file before bringing the stack up from it; true to save and go on. */
    static boolean confirmSaveBeforeUp(Window owner, java.nio.file.Path file) {
        ButtonType save = new ButtonType("Save and bring up", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Up reads the file from disk, so the changes are"
                + " saved to " + file + " first.", save, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save your changes to " + file.getFileName() + "?");
        alert.initOwner(owner);
        alert.getDialogPane().setId("compose-save-before-up");
        return alert.showAndWait().filter(save::equals).isPresent();
    }

    /**
     * Says what taking the stack down removes and asks. The volumes stay unless the user ticks
     * the box that names them. Empty when the user cancels or there is nothing to remove.
     */
    static Optional<DownPlan> confirmDown(Window owner, DownPlan plan) {
        if (plan.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "Nothing of " + plan.project()
                    + " is on the engine.", ButtonType.OK);
            alert.setHeaderText("The stack is down already");
            alert.initOwner(owner);
            alert.getDialogPane().setId("compose-down-nothing");
            alert.showAndWait();
            return Optional.empty();
        }
        DownPlan kept = plan.withoutVolumes();
        ButtonType down = new ButtonType("Take down", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", down, ButtonType.CANCEL);
        alert.setTitle("Take the stack down");
        alert.setHeaderText("Take " + plan.project() + " down?");
        VBox content = new VBox(8);
        content.getChildren().add(kept.isEmpty() ? ItemList.of("No containers or networks are left.", List.of())
                : ItemList.of("These are stopped and removed:", kept.describe()));
        CheckBox volumes = new CheckBox(volumesText(plan));
        volumes.setId("compose-down-volumes");
        volumes.setMnemonicParsing(false); // volume names have underscores
        volumes.setWrapText(true);
        volumes.setMaxWidth(540);
        if (!plan.volumes().isEmpty() || !plan.containers().isEmpty()) {
            content.getChildren().add(volumes);
        }
        alert.getDialogPane().setContent(content);
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-compose-down");
        alert.getDialogPane().lookupButton(down).getStyleClass().add("danger");
        return alert.showAndWait().filter(down::equals).map(b -> volumes.isSelected() ? plan : kept);
    }
}
