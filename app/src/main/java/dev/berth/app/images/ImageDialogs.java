package dev.berth.app.images;

import dev.berth.app.common.Formats;
import dev.berth.engine.ImageReference;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.PrunePlan;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The images view's questions: remove, prune, tag, log in. Each answers with plain values. */
final class ImageDialogs {

    private ImageDialogs() {
    }

    /** Asks before removing; true to go ahead. */
    static boolean confirmRemove(Window owner, RemovalPlan plan) {
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, plan.body(), remove, ButtonType.CANCEL);
        alert.setTitle("Remove images");
        alert.setHeaderText(plan.title());
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-remove-image");
        alert.getDialogPane().lookupButton(remove).getStyleClass().add("danger");
        return alert.showAndWait().filter(remove::equals).isPresent();
    }

    /** Refuses an image in use, naming the containers; true when the user forces it anyway. */
    static boolean refuseInUse(Window owner, RemovalPlan plan) {
        ButtonType force = new ButtonType("Remove anyway", ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.WARNING, plan.blockedBody(), ButtonType.CANCEL, force);
        alert.setTitle("Image in use");
        alert.setHeaderText(plan.blocked().size() == 1 ? "A container uses " + plan.blocked().keySet().iterator().next()
                : "Containers use " + plan.blocked().size() + " of these images");
        alert.initOwner(owner);
        alert.getDialogPane().setId("refuse-remove-in-use");
        alert.getDialogPane().lookupButton(force).getStyleClass().add("danger");
        ((ButtonBar) alert.getDialogPane().lookup(".button-bar")).setButtonOrder(ButtonBar.BUTTON_ORDER_NONE);
        return alert.showAndWait().filter(force::equals).isPresent();
    }

    /** Shows what a prune removes and how much space returns; true to go ahead. */
    static boolean confirmPrune(Window owner, PrunePlan plan, boolean unusedToo) {
        String what = unusedToo ? "unused images" : "dangling images";
        if (plan.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "There are no " + what + " to remove.", ButtonType.OK);
            alert.setHeaderText("Nothing to prune");
            alert.initOwner(owner);
            alert.getDialogPane().setId("prune-nothing");
            alert.showAndWait();
            return false;
        }
        ButtonType prune = new ButtonType("Remove " + plan.images().size(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", prune, ButtonType.CANCEL);
        alert.setTitle("Prune images");
        alert.setHeaderText("Remove " + plan.images().size() + " " + what + " and free about "
                + Formats.bytes(plan.reclaimedBytes()) + "?");
        alert.getDialogPane().setContent(pruneList(plan.images(), unusedToo));
        alert.initOwner(owner);
        alert.getDialogPane().setId("confirm-prune");
        alert.getDialogPane().lookupButton(prune).getStyleClass().add("danger");
        return alert.showAndWait().filter(prune::equals).isPresent();
    }

    private static Node pruneList(List<ImageSummary> images, boolean unusedToo) {
        VBox box = new VBox(2);
        Label intro = new Label(unusedToo ? "No container uses these images:" : "These images have no tag and no container uses them:");
        intro.setWrapText(true);
        box.getChildren().add(intro);
        int shown = 0;
        for (ImageSummary image : images) {
            if (shown++ == 12) {
                box.getChildren().add(new Label("… and " + (images.size() - 12) + " more"));
                break;
            }
            String name = image.repoTags().isEmpty() ? image.shortId() : String.join(", ", image.repoTags());
            Label line = new Label("• " + name + "  (" + Formats.bytes(image.size()) + ")");
            line.getStyleClass().add("monospace");
            box.getChildren().add(line);
        }
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    /** Asks for a new reference for an image; checks it as it is typed. */
    static Optional<String> askTag(Window owner, String current) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Tag image");
        dialog.setHeaderText("Add a tag to " + current);
        ButtonType tag = new ButtonType("Tag", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(tag, ButtonType.CANCEL);
        dialog.getDialogPane().setId("tag-dialog");
        TextField target = new TextField();
        target.setId("tag-target");
        target.setPromptText("repository:tag, e.g. 127.0.0.1:5000/team/app:1.0");
        Label problem = new Label();
        problem.getStyleClass().add("form-problem");
        problem.setId("tag-problem");
        target.textProperty().addListener((obs, old, text) -> problem.setText(referenceProblem(text)));
        problem.setText(referenceProblem(""));
        dialog.getDialogPane().lookupButton(tag).disableProperty().bind(problem.textProperty().isNotEmpty());
        VBox content = new VBox(6, target, problem);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == tag ? target.getText().strip() : null);
        dialog.initOwner(owner);
        dialog.setOnShown(e -> target.requestFocus());
        return dialog.showAndWait();
    }

    /** Why a typed reference would be refused, or "" when it is fine. */
    static String referenceProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter a repository and tag";
        }
        try {
            ImageReference ref = ImageReference.parse(text);
            return ref.digest() != null ? "A tag cannot contain a digest" : "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The login form's answer. The password is handed on once and not kept. */
    record Login(String registry, String username, String password) {
        @Override
        public String toString() {
            return "Login[" + registry + ", " + username + "]";
        }
    }

    static Optional<Login> askLogin(Window owner, String registry) {
        Dialog<Login> dialog = new Dialog<>();
        dialog.setTitle("Log in to a registry");
        dialog.setHeaderText("Log in to a registry\nCredentials are saved where the docker CLI keeps them.");
        ButtonType login = new ButtonType("Log in", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(login, ButtonType.CANCEL);
        dialog.getDialogPane().setId("login-dialog");
        TextField server = new TextField(registry == null ? "docker.io" : registry);
        server.setId("login-registry");
        TextField user = new TextField();
        user.setId("login-user");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Registry"), server);
        grid.addRow(1, new Label("User name"), user);
        grid.addRow(2, new Label("Password or token"), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(login).disableProperty().bind(server.textProperty().isEmpty()
                .or(user.textProperty().isEmpty()).or(password.textProperty().isEmpty()));
        dialog.setResultConverter(button -> {
            Login result = button == login ? new Login(server.getText().strip(), user.getText().strip(), password.getText()) : null;
            password.clear();
            return result;
        });
        dialog.initOwner(owner);
        return dialog.showAndWait();
    }
}
