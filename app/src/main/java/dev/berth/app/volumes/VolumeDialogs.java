package dev.berth.app.volumes;

import dev.berth.app.common.DialogSizing;
import dev.berth.app.common.Formats;
import dev.berth.app.common.ItemList;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.VolumeSummary;
import dev.berth.ui.keyvalue.KeyValueEditor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The volumes view's questions: create, remove, prune. Each answers with plain values. */
final class VolumeDialogs {

    private VolumeDialogs() {
    }

    /** Asks for a new volume; every field is checked as it is typed. */
    static Optional<VolumeForm> askCreate(Window owner, Predicate<String> exists) {
        Dialog<VolumeForm> dialog = new Dialog<>();
        dialog.setTitle("Create volume");
        dialog.setHeaderText("Create a volume\nContainers mount it to keep data that outlives them.");
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().setId("create-volume-dialog");

        TextField name = new TextField();
        name.setId("volume-name");
        name.setPromptText("e.g. app-data (blank: the engine picks a name)");
        TextField driver = new TextField("local");
        driver.setId("volume-driver");
        KeyValueEditor labels = new KeyValueEditor("label", "value");
        labels.setId("volume-labels");
        KeyValueEditor options = new KeyValueEditor("option", "value");
        options.setId("volume-options");
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        problem.setId("volume-problem");
        StringBinding firstProblem = Bindings.createStringBinding(() -> {
            String typed = name.getText().strip();
            Optional<String> nameProblem = ContainerRules.volumeName(typed);
            if (nameProblem.isPresent()) {
                return nameProblem.get();
            }
            if (!typed.isEmpty() && exists.test(typed)) {
                return "A volume named " + typed + " exists already";
            }
            if (driver.getText().isBlank()) {
                return "Name a volume driver (\"local\" is the engine's own)";
            }
            return labels.getProblem() != null ? labels.getProblem() : options.getProblem() == null ? "" : options.getProblem();
        }, name.textProperty(), driver.textProperty(), labels.problemProperty(), options.problemProperty());
        problem.textProperty().bind(firstProblem);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(firstProblem.isNotEmpty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Driver"), driver);
        grid.addRow(2, topAligned("Labels"), labels);
        grid.addRow(3, topAligned("Driver options"), options);
        DialogSizing.growWith(dialog, labels, options);
        VBox content = new VBox(10, grid, problem);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == create
                ? new VolumeForm(name.getText().strip(), driver.getText().strip(), labels.toMap(), options.toMap())
                : null);
        dialog.initOwner(owner);
        dialog.setOnShown(e -> name.requestFocus());
        return dialog.showAndWait();
    }

    private static Label topAligned(String text) {
        Label label = new Label(text);
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        return label;
    }

    /** Says what removing deletes and asks; true to go ahead. */
    static boolean confirmRemove(Window owner, List<VolumeRow> volumes) {
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", remove, ButtonType.CANCEL);
        alert.setTitle("Remove volumes");
        alert.setHeaderText(volumes.size() == 1 ? "Remove the volume " + volumes.get(0).name() + "?"
                : "Remove " + volumes.size() + " volumes?");
        alert.getDialogPane().setContent(ItemList.of(volumes.size() == 1 ? "The files in it are deleted for good:"
                : "The files in them are deleted for good:", volumes.stream()
                .map(v -> v.name() + (v.size() >= 0 ? "  (" + Formats.bytes(v.size()) + ")" : "")).toList()));
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-remove-volume");
        alert.getDialogPane().lookupButton(remove).getStyleClass().add("danger");
        return alert.showAndWait().filter(remove::equals).isPresent();
    }

    /** Refuses to remove volumes that containers mount, naming them. */
    static void refuseInUse(Window owner, List<VolumeRow> inUse) {
        Alert alert = new Alert(Alert.AlertType.WARNING, "", ButtonType.OK);
        alert.setTitle("Volume in use");
        alert.setHeaderText(inUse.size() == 1 ? "A container mounts " + inUse.get(0).name()
                : "Containers mount " + inUse.size() + " of these volumes");
        alert.getDialogPane().setContent(ItemList.of("Remove these containers first (a stopped container keeps its volumes):",
                inUse.stream().map(v -> v.name() + ": " + String.join(", ", v.usedBy())).toList()));
        alert.initOwner(owner);
        alert.getDialogPane().setId("refuse-remove-volume");
        alert.showAndWait();
    }

    /** Shows what a prune removes and how much it frees; true to go ahead. */
    static boolean confirmPrune(Window owner, List<VolumeSummary> unused, Map<String, Long> sizes) {
        if (unused.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "Every volume is mounted by a container.", ButtonType.OK);
            alert.setHeaderText("Nothing to prune");
            alert.initOwner(owner);
            alert.getDialogPane().setId("prune-volumes-nothing");
            alert.showAndWait();
            return false;
        }
        long bytes = unused.stream().mapToLong(v -> Math.max(0, sizes.getOrDefault(v.name(), 0L))).sum();
        ButtonType prune = new ButtonType("Remove " + unused.size(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", prune, ButtonType.CANCEL);
        alert.setTitle("Prune volumes");
        alert.setHeaderText("Remove " + unused.size() + (unused.size() == 1 ? " unused volume" : " unused volumes")
                + (bytes > 0 ? " and free " + Formats.bytes(bytes) : "") + "?");
        alert.getDialogPane().setContent(ItemList.of(unused.size() == 1 ? "No container mounts it; its files are deleted for good:"
                : "No container mounts these; their files are deleted for good:", unused.stream()
                .map(v -> v.name() + (sizes.containsKey(v.name()) ? "  (" + Formats.bytes(sizes.get(v.name())) + ")" : ""))
                .toList()));
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-prune-volumes");
        alert.getDialogPane().lookupButton(prune).getStyleClass().add("danger");
        return alert.showAndWait().filter(prune::equals).isPresent();
    }
}
