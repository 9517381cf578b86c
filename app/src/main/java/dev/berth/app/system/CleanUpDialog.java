package dev.berth.app.system;

import dev.berth.app.common.Formats;
import dev.berth.engine.DiskUsage;
import dev.berth.engine.SystemApi;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks what to clean up, saying for each kind what it covers and about how much it frees.
 * Volumes are left out unless ticked: their data cannot be recreated.
 */
final class CleanUpDialog {

    private CleanUpDialog() {
    }

    static Optional<CleanUpChoice> ask(Window owner, DiskUsage usage) {
        Dialog<CleanUpChoice> dialog = new Dialog<>();
        dialog.setTitle("Clean up");
        dialog.setHeaderText("Remove what nothing uses\nEach line says about how much it frees.");
        ButtonType clean = new ButtonType("Clean up", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(clean, ButtonType.CANCEL);
        dialog.getDialogPane().setId("clean-up-dialog");

        CheckBox containers = option("clean-containers", "Stopped containers", true,
                freed(usage, SystemApi.CONTAINERS, "their writable layers"));
        CheckBox networks = option("clean-networks", "Networks no container is on", true, null);
        CheckBox images = option("clean-images", "Images", true,
                freed(usage, SystemApi.IMAGES, "at most, with every unused image"));
        ToggleGroup which = new ToggleGroup();
        RadioButton dangling = new RadioButton("Dangling only");
        dangling.setId("clean-images-dangling");
        dangling.setToggleGroup(which);
        dangling.setSelected(true);
        RadioButton unused = new RadioButton("Every image no container uses");
        unused.setId("clean-images-unused");
        unused.setToggleGroup(which);
        HBox imageChoice = new HBox(16, dangling, unused);
        imageChoice.setPadding(new Insets(0, 0, 0, 28));
        imageChoice.disableProperty().bind(images.selectedProperty().not());
        CheckBox cache = option("clean-build-cache", "Build cache", true, freed(usage, SystemApi.BUILD_CACHE, null));
        CheckBox volumes = option("clean-volumes", "Volumes no container mounts", false,
                freed(usage, SystemApi.VOLUMES, "their data is deleted for good"));
        volumes.getStyleClass().add("danger-text");

        VBox content = new VBox(10, containers, networks, images, imageChoice, cache, volumes);
        content.setPadding(new Insets(8, 14, 4, 14));
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(clean).getStyleClass().add("danger");
        dialog.getDialogPane().lookupButton(clean).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !containers.isSelected() && !networks.isSelected() && !images.isSelected()
                        && !cache.isSelected() && !volumes.isSelected(),
                containers.selectedProperty(), networks.selectedProperty(), images.selectedProperty(),
                cache.selectedProperty(), volumes.selectedProperty()));
        dialog.setResultConverter(button -> button != clean ? null : new CleanUpChoice(containers.isSelected(),
                networks.isSelected(), !images.isSelected() ? CleanUpChoice.Images.NONE
                : unused.isSelected() ? CleanUpChoice.Images.UNUSED : CleanUpChoice.Images.DANGLING,
                cache.isSelected(), volumes.isSelected()));
        dialog.initOwner(owner);
        return dialog.showAndWait();
    }

    private static CheckBox option(String id, String text, boolean selected, String detail) {
        CheckBox box = new CheckBox(detail == null ? text : text + " · " + detail);
        box.setId(id);
        box.setSelected(selected);
        box.setWrapText(true);
        return box;
    }

    /** "frees 12 MB (their writable layers)", from the disk use read last. */
    private static String freed(DiskUsage usage, String kind, String note) {
        if (usage == null) {
            return note;
        }
        String bytes = "frees " + Formats.bytes(usage.kind(kind).reclaimableBytes());
        return note == null ? bytes : bytes + " (" + note + ")";
    }
}
