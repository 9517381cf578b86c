package dev.berth.app.containers;

import atlantafx.base.theme.Styles;
import dev.berth.app.common.Notifier;
import dev.berth.app.theme.DialogTheme;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageReference;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small dialogs of the containers view: confirm removal, rename, commit to an image. */
final class ContainerDialogs {

    private ContainerDialogs() {
    }

    /**
     * Asks before removing, naming the containers and the running ones.
     *
     * @return whether to also remove anonymous volumes, or empty when the user cancelled
     */
    static Optional<Boolean> confirmRemove(Window owner, List<ContainerRow> targets) {
        ContainersViewModel.RemovalQuestion question = ContainersViewModel.removalQuestion(targets);
        ButtonType removeButton = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, removeButton, ButtonType.CANCEL);
        alert.setTitle("Remove containers");
        alert.setHeaderText(question.title());
        Label body = new Label(question.body());
        body.setWrapText(true);
        body.setMaxWidth(460);
        CheckBox volumes = new CheckBox("Also remove their anonymous volumes");
        volumes.setId("remove-volumes");
        VBox content = new VBox(12, body, volumes);
        alert.getDialogPane().setContent(content);
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-remove");
        DialogTheme.adopt(owner, alert.getDialogPane());
        alert.getDialogPane().lookupButton(removeButton).getStyleClass().add(Styles.DANGER);
        return alert.showAndWait().filter(removeButton::equals).map(b -> volumes.isSelected());
    }

    /** Asks for a new name, checked as typed; renames when confirmed. */
    static void rename(Window owner, ContainerRow row, ContainersViewModel model) {
        TextField name = new TextField(row.name());
        name.setId("rename-field");
        Label problem = problemLabel();
        Dialog<ButtonType> dialog = dialog(owner, "Rename container", "Rename " + row.name(), "rename-dialog",
                "Rename", grid(new Label("New name"), name, problem));
        Node ok = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        Runnable check = () -> {
            Optional<String> issue = name.getText().isEmpty() ? Optional.of("Enter a name")
                    : ContainerRules.name(name.getText());
            show(problem, issue.orElse(null));
            name.pseudoClassStateChanged(Styles.STATE_DANGER, issue.isPresent());
            ok.setDisable(issue.isPresent() || name.getText().equals(row.name()));
        };
        name.textProperty().addListener((obs, old, now) -> check.run());
        check.run();
        // Engine errors (name taken) keep the dialog open, shown beside the field.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ok.setDisable(true);
            model.rename(row, name.getText(), error -> {
                show(problem, ErrorMessages.describe(error));
                name.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            });
        });
        // Success closes the dialog once the engine's rename event has renamed the row.
        javafx.beans.value.ChangeListener<String> renamed = (obs, old, now) -> {
            if (now.equals(name.getText()) && dialog.isShowing()) {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            }
        };
        row.nameProperty().addListener(renamed);
        dialog.setOnHidden(e -> row.nameProperty().removeListener(renamed));
        Platform.runLater(name::selectAll);
        dialog.show();
    }

    /** Asks for an image name, a message and an author; commits when confirmed. */
    static void commit(Window owner, ContainerRow row, ContainersViewModel model, Notifier notifier) {
        TextField reference = new TextField(suggestedImage(row));
        reference.setId("commit-image");
        TextField message = new TextField();
        message.setId("commit-message");
        message.setPromptText("What changed (optional)");
        TextField author = new TextField();
        author.setId("commit-author");
        author.setPromptText("Name <email> (optional)");
        Label problem = problemLabel();
        GridPane grid = grid(new Label("Image"), reference, problem);
        grid.addRow(2, new Label("Message"), message);
        grid.addRow(3, new Label("Author"), author);
        Dialog<ButtonType> dialog = dialog(owner, "Commit container", "Save " + row.name() + " as an image",
                "commit-dialog", "Commit", grid);
        Node ok = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        Runnable check = () -> {
            Optional<String> issue = ContainerRules.image(reference.getText());
            if (issue.isEmpty() && ImageReference.parse(reference.getText()).digest() != null) {
                issue = Optional.of("A new image gets a tag, not a digest");
            }
            show(problem, issue.orElse(null));
            reference.pseudoClassStateChanged(Styles.STATE_DANGER, issue.isPresent());
            ok.setDisable(issue.isPresent());
        };
        reference.textProperty().addListener((obs, old, now) -> check.run());
        check.run();
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ok.setDisable(true);
            model.commit(row, reference.getText().strip(), message.getText(), author.getText(), imageId -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
                notifier.info("Saved " + row.name() + " as " + reference.getText().strip());
            }, error -> {
                show(problem, ErrorMessages.describe(error));
                ok.setDisable(false);
            });
        });
        dialog.show();
    }

    private static String suggestedImage(ContainerRow row) {
        String base = row.name().toLowerCase().replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        return (base.isEmpty() ? "snapshot" : base) + ":snapshot";
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String header, String id, String okText,
                                             Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        DialogTheme.adopt(owner, dialog.getDialogPane());
        dialog.getDialogPane().lookupButton(ok).getStyleClass().add(Styles.ACCENT);
        return dialog;
    }

    private static GridPane grid(Label label, TextField field, Label problem) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 0, 0, 0));
        field.setPrefColumnCount(28);
        grid.addRow(0, label, field);
        grid.add(problem, 1, 1);
        return grid;
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        return problem;
    }

    private static void show(Label problem, String text) {
        problem.setText(text);
        problem.setVisible(text != null);
        problem.setManaged(text != null);
    }
}
