package dev.berth.app.networks;

import dev.berth.app.common.DialogSizing;
import dev.berth.app.common.ItemList;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.NetworkRules;
import dev.berth.engine.NetworkSummary;
import dev.berth.ui.keyvalue.KeyValueEditor;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The networks view's questions: create, remove, prune. Each answers with plain values. */
final class NetworkDialogs {

    private NetworkDialogs() {
    }

    /** Asks for a new network; every field is checked as it is typed. */
    static Optional<NetworkForm> askCreate(Window owner, Predicate<String> exists) {
        Dialog<NetworkForm> dialog = new Dialog<>();
        dialog.setTitle("Create network");
        dialog.setHeaderText("Create a network\nContainers on the same network reach each other by name.");
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().setId("create-network-dialog");

        TextField name = new TextField();
        name.setId("network-name");
        name.setPromptText("e.g. backend");
        ComboBox<String> driver = new ComboBox<>();
        driver.getItems().setAll("bridge", "macvlan", "ipvlan");
        driver.setValue("bridge");
        driver.setId("network-driver");
        TextField subnet = new TextField();
        subnet.setId("network-subnet");
        subnet.setPromptText("e.g. 172.28.0.0/16 (blank: the engine picks)");
        TextField gateway = new TextField();
        gateway.setId("network-gateway");
        gateway.setPromptText("e.g. 172.28.0.1 (blank: the engine picks)");
        CheckBox internal = new CheckBox("Internal: no route to the outside world");
        internal.setId("network-internal");
        CheckBox attachable = new CheckBox("Attachable: containers started by hand can join");
        attachable.setId("network-attachable");
        attachable.setSelected(true);
        KeyValueEditor labels = new KeyValueEditor("label", "value");
        labels.setId("network-labels");
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        problem.setId("network-problem");
        StringBinding firstProblem = Bindings.createStringBinding(() -> {
            String typed = name.getText().strip();
            Optional<String> found = NetworkRules.name(typed)
                    .or(() -> exists.test(typed) ? Optional.of("A network named " + typed + " exists already")
                            : Optional.empty())
                    .or(() -> NetworkRules.subnet(subnet.getText()))
                    .or(() -> NetworkRules.gateway(gateway.getText(), subnet.getText()))
                    .or(() -> Optional.ofNullable(labels.getProblem()));
            return found.orElse("");
        }, name.textProperty(), subnet.textProperty(), gateway.textProperty(), labels.problemProperty());
        problem.textProperty().bind(firstProblem);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(firstProblem.isNotEmpty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Driver"), driver);
        grid.addRow(2, new Label("Subnet"), subnet);
        grid.addRow(3, new Label("Gateway"), gateway);
        grid.add(internal, 1, 4);
        grid.add(attachable, 1, 5);
        Label labelsKey = new Label("Labels");
        GridPane.setValignment(labelsKey, VPos.TOP);
        labelsKey.setPadding(new Insets(6, 0, 0, 0));
        grid.addRow(6, labelsKey, labels);
        DialogSizing.growWith(dialog, labels);
        VBox content = new VBox(10, grid, problem);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == create
                ? new NetworkForm(name.getText().strip(), driver.getValue(), subnet.getText().strip(),
                gateway.getText().strip(), internal.isSelected(), attachable.isSelected(), labels.toMap())
                : null);
        dialog.initOwner(owner);
        dialog.setOnShown(e -> name.requestFocus());
        return dialog.showAndWait();
    }

    /**
     * Refuses what cannot go: the engine's own networks, and networks running containers are on.
     * Returns true when nothing had to be refused.
     */
    static boolean refuse(Window owner, List<NetworkRow> targets) {
        List<NetworkRow> builtIn = targets.stream().filter(r -> r.summary().isBuiltIn()).toList();
        List<NetworkRow> busy = targets.stream().filter(r -> !r.summary().running().isEmpty()).toList();
        if (builtIn.isEmpty() && busy.isEmpty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, "", ButtonType.OK);
        alert.setTitle("Cannot remove");
        if (!builtIn.isEmpty()) {
            alert.setHeaderText("bridge, host and none come with the engine and cannot be removed");
            alert.getDialogPane().setContent(ItemList.of("Leave these out:",
                    builtIn.stream().map(NetworkRow::name).toList()));
        } else {
            alert.setHeaderText(busy.size() == 1 ? "Running containers are on " + busy.get(0).name()
                    : "Running containers are on " + busy.size() + " of these networks");
            alert.getDialogPane().setContent(ItemList.of("Stop these containers or disconnect them first:",
                    busy.stream().map(r -> r.name() + ": " + String.join(", ", r.summary().running())).toList()));
        }
        alert.initOwner(owner);
        alert.getDialogPane().setId("refuse-remove-network");
        alert.showAndWait();
        return false;
    }

    /**
     * Says what removing does and asks; true to go ahead. Stopped containers on a network are
     * named: the engine lets the network go, and they then fail to start.
     */
    static boolean confirmRemove(Window owner, List<NetworkRow> targets) {
        List<String> lines = targets.stream().map(r -> r.summary().isInUse()
                ? r.name() + ": stopped " + String.join(", ", r.summary().containerNames()) + " will not start"
                : r.name()).toList();
        boolean stranding = targets.stream().anyMatch(r -> r.summary().isInUse());
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(stranding ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, "", remove,
                ButtonType.CANCEL);
        alert.setTitle("Remove networks");
        alert.setHeaderText(targets.size() == 1 ? "Remove the network " + targets.get(0).name() + "?"
                : "Remove " + targets.size() + " networks?");
        alert.getDialogPane().setContent(ItemList.of(stranding
                ? "Stopped containers are on it; they will not start again until connected to another network:"
                : "No container is on " + (targets.size() == 1 ? "it." : "them."), lines));
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-remove-network");
        alert.getDialogPane().lookupButton(remove).getStyleClass().add("danger");
        return alert.showAndWait().filter(remove::equals).isPresent();
    }

    /** Shows which networks a prune removes; true to go ahead. */
    static boolean confirmPrune(Window owner, List<NetworkSummary> unused) {
        if (unused.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION,
                    "Every network you made has a container on it (running or stopped).", ButtonType.OK);
            alert.setHeaderText("Nothing to prune");
            alert.initOwner(owner);
            alert.getDialogPane().setId("prune-networks-nothing");
            alert.showAndWait();
            return false;
        }
        ButtonType prune = new ButtonType("Remove " + unused.size(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", prune, ButtonType.CANCEL);
        alert.setTitle("Prune networks");
        alert.setHeaderText("Remove " + unused.size() + (unused.size() == 1 ? " unused network?" : " unused networks?"));
        alert.getDialogPane().setContent(ItemList.of("No container, running or stopped, is on "
                + (unused.size() == 1 ? "it:" : "these:"), unused.stream().map(NetworkSummary::name).toList()));
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-prune-networks");
        alert.getDialogPane().lookupButton(prune).getStyleClass().add("danger");
        return alert.showAndWait().filter(prune::equals).isPresent();
    }

    /** Asks which container to connect to {@code network}. */
    static Optional<ContainerSummary> askContainer(Window owner, String network, List<ContainerSummary> candidates) {
        if (candidates.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "Every container is on " + network + " already.",
                    ButtonType.OK);
            alert.setHeaderText("No container to connect");
            alert.initOwner(owner);
            alert.showAndWait();
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(candidates.get(0).name(),
                candidates.stream().map(ContainerSummary::name).toList());
        dialog.setTitle("Connect a container");
        dialog.setHeaderText("Connect a container to " + network + "\nIt can then reach the others there by name;"
                + " a stopped one joins when it starts.");
        dialog.setContentText("Container");
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        dialog.getDialogPane().setId("connect-container-dialog");
        dialog.initOwner(owner);
        return dialog.showAndWait().flatMap(name -> candidates.stream().filter(c -> c.name().equals(name)).findFirst());
    }

    /** Says what disconnecting does to the container and asks; true to go ahead. */
    static boolean confirmDisconnect(Window owner, String network, NetworkSummary.Attachment attachment) {
        ButtonType disconnect = new ButtonType("Disconnect", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, attachment.running()
                ? attachment.container() + " loses its address there" + (attachment.address().isEmpty() ? ""
                : " (" + attachment.address() + ")") + " at once, and whatever reached it through " + network + "."
                : attachment.container() + " will not join " + network + " when it starts.", disconnect,
                ButtonType.CANCEL);
        alert.setTitle("Disconnect");
        alert.setHeaderText("Disconnect " + attachment.container() + " from " + network + "?");
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-disconnect");
        return alert.showAndWait().filter(disconnect::equals).isPresent();
    }
}
