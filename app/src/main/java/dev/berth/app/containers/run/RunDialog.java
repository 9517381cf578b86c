package dev.berth.app.containers.run;

import atlantafx.base.theme.Styles;
import dev.berth.app.common.AppServices;
import dev.berth.app.theme.DialogTheme;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.RestartPolicy;
import dev.berth.engine.SpecField;
import dev.berth.ui.keyvalue.KeyValueEditor;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;

import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The run dialog: every setting of {@code docker run} as a form that checks each field as it is
 * typed, keeps Run disabled with the reason until the form is complete, shows the engine's own
 * error beside the field it concerns, and copies the equivalent command line.
 */
public final class RunDialog {

    private final RunForm form;
    private final Stage stage = new Stage();
    private final GridPane grid = new GridPane();
    private final BiConsumer<String, Boolean> onStarted;
    private int row;

    private RunDialog(Window owner, AppServices services, ContainerSpec prefill, BiConsumer<String, Boolean> onStarted) {
        this.form = new RunForm(services);
        this.onStarted = onStarted;
        if (prefill != null) {
            form.fill(prefill);
        }
        Scene scene = new Scene(layout(), 780, 820);
        DialogTheme.adopt(owner, scene.getRoot());
        stage.setScene(scene);
        stage.setTitle(prefill == null ? "Run a container" : "Run again with these settings");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        form.loadChoices();
    }

    /**
     * Opens the dialog.
     *
     * @param prefill   settings to start from, or null for an empty form
     * @param onStarted told the new container's ID and whether the user wants its logs
     */
    public static RunDialog open(Window owner, AppServices services, ContainerSpec prefill,
                                 BiConsumer<String, Boolean> onStarted) {
        RunDialog dialog = new RunDialog(owner, services, prefill, onStarted);
        dialog.stage.show();
        return dialog;
    }

    private VBox layout() {
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(16, 20, 16, 20));
        ColumnConstraints labels = new ColumnConstraints(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        section("Image");
        TextField image = text("run-image", form.image, "e.g. nginx:1.25 or myapp:latest");
        suggestImages(image);
        field("Image", image, SpecField.IMAGE);
        field("Name", text("run-name", form.name, "empty: the engine picks one"), SpecField.NAME);
        ToggleGroup mode = new ToggleGroup();
        RadioButton background = new RadioButton("In the background");
        background.setId("run-detached");
        RadioButton attached = new RadioButton("Attached: show its logs");
        attached.setId("run-attached");
        background.setToggleGroup(mode);
        attached.setToggleGroup(mode);
        background.setSelected(form.detached.get());
        attached.setSelected(!form.detached.get());
        form.detached.bind(background.selectedProperty());
        field("Run", new HBox(16, background, attached), null);

        section("Command");
        field("Entrypoint", text("run-entrypoint", form.entrypoint, "empty: the image's"), SpecField.ENTRYPOINT);
        field("Command", text("run-command", form.command, "e.g. sh -c \"echo hello\"  (empty: the image's)"),
                SpecField.COMMAND);

        section("Ports");
        TextField ports = text("run-ports", form.ports, "8080:80, 127.0.0.1:5353:53/udp, 9000-9005:9000-9005");
        field("Publish", ports, SpecField.PORTS);
        hint("host:container[/tcp|udp|sctp], with an optional host address and ranges; a lone port gets a random host port");

        section("Environment");
        KeyValueEditor env = new KeyValueEditor("VARIABLE", "value");
        env.setId("run-env");
        env.addTextProperty().set("Add variable");
        env.setKeyRule(ContainerRules::envKey);
        env.setAll(form.env.get());
        env.getEntries().addListener((javafx.collections.ListChangeListener<KeyValueEditor.Entry>) c ->
                form.env.set(env.toMap()));
        form.envProblem.bind(env.problemProperty());
        field("Variables", env, SpecField.ENV);
        TextField envFile = text("run-env-file", form.envFile, "a file of KEY=value lines (optional)");
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Env file");
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                form.envFile.set(file.getAbsolutePath());
            }
        });
        HBox.setHgrow(envFile, Priority.ALWAYS);
        field("Env file", new HBox(6, envFile, choose), SpecField.ENV_FILE, envFile);

        section("Storage");
        field("Mounts", new MountsEditor(form.mounts), SpecField.MOUNTS);

        section("Network and restart");
        ComboBox<String> network = new ComboBox<>(form.networkChoices);
        network.setId("run-network");
        network.setEditable(true);
        network.setPromptText("default (bridge)");
        network.getEditor().textProperty().bindBidirectional(form.network);
        network.setMaxWidth(Double.MAX_VALUE);
        field("Network", network, SpecField.NETWORK);
        ComboBox<RestartPolicy.Kind> restart = new ComboBox<>();
        restart.setId("run-restart");
        restart.getItems().setAll(RestartPolicy.Kind.values());
        restart.valueProperty().bindBidirectional(form.restart);
        restart.setConverter(new StringConverter<>() {
            @Override
            public String toString(RestartPolicy.Kind kind) {
                return kind == null ? "" : switch (kind) {
                    case NO -> "Never";
                    case ALWAYS -> "Always";
                    case UNLESS_STOPPED -> "Unless stopped";
                    case ON_FAILURE -> "On failure";
                };
            }

            @Override
            public RestartPolicy.Kind fromString(String s) {
                return null;
            }
        });
        TextField retries = text("run-max-retries", form.maxRetries, "retries (0: no limit)");
        retries.setPrefColumnCount(10);
        retries.visibleProperty().bind(form.restart.isEqualTo(RestartPolicy.Kind.ON_FAILURE));
        retries.managedProperty().bind(retries.visibleProperty());
        CheckBox autoRemove = new CheckBox("Remove the container when it exits");
        autoRemove.setId("run-auto-remove");
        autoRemove.selectedProperty().bindBidirectional(form.autoRemove);
        Label retriesLabel = new Label("Max retries");
        retriesLabel.getStyleClass().add("form-label");
        retriesLabel.visibleProperty().bind(retries.visibleProperty());
        retriesLabel.managedProperty().bind(retries.visibleProperty());
        HBox restartRow = new HBox(8, restart, retriesLabel, retries);
        restartRow.setAlignment(Pos.CENTER_LEFT);
        field("Restart", restartRow, SpecField.RESTART, restart);
        field("", autoRemove, null);

        section("Advanced");
        field("Working dir", text("run-workdir", form.workingDir, "/path inside the container (empty: the image's)"),
                SpecField.WORKING_DIR);
        field("User", text("run-user", form.user, "user, uid, user:group or uid:gid (empty: the image's)"),
                SpecField.USER);
        KeyValueEditor labelsEditor = new KeyValueEditor("key", "value");
        labelsEditor.setId("run-labels");
        labelsEditor.addTextProperty().set("Add label");
        labelsEditor.setKeyRule(ContainerRules::labelKey);
        labelsEditor.setAll(form.labels.get());
        labelsEditor.getEntries().addListener((javafx.collections.ListChangeListener<KeyValueEditor.Entry>) c ->
                form.labels.set(labelsEditor.toMap()));
        form.labelsProblem.bind(labelsEditor.problemProperty());
        field("Labels", labelsEditor, SpecField.LABELS);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox root = new VBox(scroll, footer());
        root.getStyleClass().add("run-dialog");
        root.setId("run-dialog");
        return root;
    }

    private Node footer() {
        Label reason = new Label();
        reason.setId("run-reason");
        reason.getStyleClass().add("field-problem");
        reason.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Tooltip full = new Tooltip();
        full.textProperty().bind(form.reasonProperty());
        full.setWrapText(true);
        full.setMaxWidth(500);
        reason.setTooltip(full);
        reason.textProperty().bind(form.reasonProperty());
        reason.visibleProperty().bind(form.reasonProperty().isNotNull());
        reason.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button copy = new Button("Copy as docker run", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("run-copy-command");
        copy.disableProperty().bind(form.validProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(form.dockerRun());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setTooltip(new Tooltip("Copied: " + form.dockerRun()));
        });
        Button cancel = new Button("Cancel");
        cancel.setId("run-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button run = new Button("Run", new FontIcon(Material2MZ.PLAY_ARROW));
        run.setId("run-submit");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(form.validProperty().not().or(form.runningProperty()));
        run.textProperty().bind(Bindings.when(form.runningProperty()).then("Starting…").otherwise("Run"));
        run.setOnAction(e -> form.submit((id, attach) -> {
            stage.close();
            onStarted.accept(id, attach);
        }));
        for (Button button : List.of(copy, cancel, run)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox footer = new HBox(8, reason, copy, cancel, run);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(10, 20, 12, 20));
        footer.getStyleClass().add("run-dialog-footer");
        return footer;
    }

    private void section(String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("form-section-title");
        if (row > 0) {
            GridPane.setMargin(heading, new Insets(14, 0, 2, 0));
        }
        grid.add(heading, 0, row++, 2, 1);
    }

    private void field(String label, Node control, SpecField field) {
        field(label, control, field, control);
    }

    /** A labelled control with its problem line underneath; {@code marked} turns red on a problem. */
    private void field(String label, Node control, SpecField field, Node marked) {
        Label name = new Label(label);
        name.getStyleClass().add("form-label");
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        GridPane.setMargin(name, new Insets(5, 0, 0, 0));
        grid.add(name, 0, row);
        grid.add(control, 1, row++);
        if (control instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        if (field == null) {
            return;
        }
        // Row editors show each row's problem themselves; beside them goes only the engine's word.
        boolean rows = field == SpecField.ENV || field == SpecField.LABELS || field == SpecField.MOUNTS;
        ReadOnlyStringProperty shown = rows ? form.engineProblemProperty(field) : form.problemProperty(field);
        Label problem = new Label();
        problem.setId("problem-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(shown);
        problem.visibleProperty().bind(shown.isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        if (!rows) {
            shown.addListener((obs, old, now) -> marked.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
            marked.pseudoClassStateChanged(Styles.STATE_DANGER, shown.get() != null);
        }
        grid.add(problem, 1, row++);
    }

    private void hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        grid.add(hint, 1, row++);
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A list of matching local images under the image field as it is typed. */
    private void suggestImages(TextField image) {
        ContextMenu menu = new ContextMenu();
        menu.setId("image-suggestions");
        image.textProperty().addListener((obs, old, now) -> {
            if (!image.isFocused()) {
                return;
            }
            String typed = now.strip().toLowerCase(Locale.ROOT);
            List<String> matches = form.imageChoices.stream()
                    .filter(t -> !typed.isEmpty() && t.toLowerCase(Locale.ROOT).contains(typed) && !t.equals(now))
                    .limit(8).toList();
            if (matches.isEmpty()) {
                menu.hide();
                return;
            }
            menu.getItems().setAll(matches.stream().map(tag -> {
                Label label = new Label(tag);
                label.getStyleClass().add("image-suggestion");
                CustomMenuItem item = new CustomMenuItem(label, true);
                item.setOnAction(e -> {
                    form.image.set(tag);
                    image.positionCaret(tag.length());
                    menu.hide();
                });
                return item;
            }).toList());
            if (!menu.isShowing()) {
                menu.show(image, javafx.geometry.Side.BOTTOM, 0, 0);
            }
        });
        image.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                menu.hide();
            }
        });
    }

    /** For tests. */
    RunForm form() {
        return form;
    }

    Stage stage() {
        return stage;
    }

}
