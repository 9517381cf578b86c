package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.app.theme.Css;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.LayerProgress;
import dev.berth.hub.HubClient;
import dev.berth.hub.HubRepository;
import dev.berth.hub.HubTag;
import dev.berth.ui.badge.Badge;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The pull (with Docker Hub search) or push window: a reference, per-layer progress, an overall
 * bar and Cancel. Closing the window cancels a transfer still running.
 */
public final class TransferWindow {

    private final TransferViewModel model;
    private final HubSearchModel search;
    private final Stage stage = new Stage();
    private final TextField reference = new TextField();
    private final Label problem = new Label();

    private TransferWindow(AppServices services, TransferViewModel.Kind kind, HubClient hub) {
        this.model = new TransferViewModel(services, kind, DockerConfig.forThisUser());
        this.search = kind == TransferViewModel.Kind.PULL ? new HubSearchModel(services.executor(), hub) : null;
    }

    /** Opens a pull window, optionally with a reference filled in. */
    public static TransferWindow pull(AppServices services, Window owner, String initialReference) {
        TransferWindow window = new TransferWindow(services, TransferViewModel.Kind.PULL, new HubClient());
        window.show(owner, initialReference);
        return window;
    }

    /** Opens a push window for a local {@code registry/repository:tag} and starts pushing. */
    public static TransferWindow push(AppServices services, Window owner, String reference) {
        TransferWindow window = new TransferWindow(services, TransferViewModel.Kind.PUSH, null);
        window.show(owner, reference);
        window.start();
        return window;
    }

    public TransferViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    private void show(Window owner, String initialReference) {
        boolean pull = model.kind() == TransferViewModel.Kind.PULL;
        reference.setId("transfer-reference");
        reference.setPromptText(pull ? "Image to pull, e.g. nginx:1.25 or registry.example.com/team/app:2" : "");
        reference.setText(initialReference == null ? "" : initialReference);
        reference.setEditable(pull);
        HBox.setHgrow(reference, Priority.ALWAYS);
        Button go = new Button(pull ? "Pull" : "Push", new FontIcon(pull ? Material2AL.CLOUD_DOWNLOAD : Material2AL.CLOUD_UPLOAD));
        go.setId("transfer-start");
        go.setDefaultButton(true);
        go.setOnAction(e -> start());
        go.disableProperty().bind(model.stateProperty().isEqualTo(TransferViewModel.State.RUNNING));
        reference.setOnAction(e -> start());
        HBox referenceRow = new HBox(8, reference, go);
        referenceRow.setAlignment(Pos.CENTER_LEFT);
        problem.setId("transfer-problem");
        problem.getStyleClass().add("form-problem");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        VBox progress = progressPane();
        BorderPane root = new BorderPane();
        root.getStyleClass().add("transfer-window");
        root.setPadding(new Insets(14));
        VBox top = new VBox(6, referenceRow, problem);
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        if (pull) {
            SplitPane split = new SplitPane(searchPane(), progress);
            split.setDividerPositions(0.42);
            root.setCenter(split);
        } else {
            root.setCenter(progress);
        }
        Scene scene = new Scene(root, pull ? 1060 : 640, pull ? 600 : 460);
        ChildWindows.styleLike(stage, scene, owner);
        stage.setTitle(pull ? "Pull an image" : "Push " + initialReference);
        stage.setScene(scene);
        stage.setOnHidden(e -> model.close());
        stage.show();
    }

    /** Starts the transfer of what the reference field says; a bad reference is explained instead. */
    public void start() {
        String why = model.start(reference.getText());
        problem.setText(why == null ? "" : why);
    }

    private VBox progressPane() {
        Label overallLabel = new Label();
        overallLabel.setId("transfer-overall-label");
        ProgressBar overall = new ProgressBar(0);
        overall.setId("transfer-overall");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(model.overallProperty());
        overallLabel.textProperty().bind(Bindings.createStringBinding(this::overallText, model.overallProperty(),
                model.stateProperty(), model.layers()));
        Button cancel = new Button("Cancel", new FontIcon(Material2MZ.STOP));
        cancel.setId("transfer-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(TransferViewModel.State.RUNNING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox overallRow = new HBox(8, overallLabel, spacer, cancel);
        overallRow.setAlignment(Pos.CENTER_LEFT);

        ListView<LayerProgress> layers = new ListView<>(model.layers());
        layers.setId("transfer-layers");
        layers.setCellFactory(list -> new LayerCell());
        Label empty = new Label(model.kind() == TransferViewModel.Kind.PULL
                ? "Layers appear here while the image is pulled." : "Layers appear here while the image is pushed.");
        empty.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        layers.setPlaceholder(empty);
        VBox.setVgrow(layers, Priority.ALWAYS);

        Label error = new Label();
        error.setId("transfer-error");
        error.setWrapText(true);
        error.getStyleClass().add("form-problem");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Label message = new Label();
        message.setId("transfer-message");
        message.setWrapText(true);
        message.getStyleClass().add(Css.VIEW_SUBTITLE);
        message.textProperty().bind(model.messageProperty());

        VBox box = new VBox(8, overallRow, overall, layers, message, error);
        box.setPadding(new Insets(0, 0, 0, 10));
        return box;
    }

    private String overallText() {
        long total = 0;
        long done = 0;
        for (LayerProgress layer : model.layers()) {
            if (layer.phase() == LayerProgress.Phase.DOWNLOADING || layer.phase() == LayerProgress.Phase.PUSHING) {
                total += layer.total();
                done += layer.current();
            }
        }
        String verb = model.kind() == TransferViewModel.Kind.PULL ? "Pulled" : "Pushed";
        return switch (model.stateProperty().get()) {
            case IDLE -> "Not started";
            case RUNNING -> String.format("%.0f %%", model.overallProperty().get() * 100)
                    + (total > 0 ? " · " + Formats.bytes(done) + " of " + Formats.bytes(total) + " in transfer" : "")
                    + " · " + model.layers().size() + " layers";
            case DONE -> verb + " · " + model.layers().size() + " layers";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    private VBox searchPane() {
        TextField query = new TextField();
        query.setId("hub-query");
        query.setPromptText("Search Docker Hub");
        Button find = new Button("Search", new FontIcon(Material2MZ.SEARCH));
        find.setId("hub-search");
        find.setOnAction(e -> search.search(query.getText()));
        query.setOnAction(e -> search.search(query.getText()));
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox row = new HBox(8, query, find);
        Label status = new Label();
        status.setId("hub-status");
        status.setWrapText(true);
        status.getStyleClass().add(Css.VIEW_SUBTITLE);
        status.textProperty().bind(search.statusProperty());

        ListView<HubRepository> results = new ListView<>(search.results());
        results.setId("hub-results");
        results.setCellFactory(list -> new RepositoryCell());
        Label hint = new Label("Search Docker Hub by name; pick a result and a tag to pull it.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        results.setPlaceholder(hint);
        ListView<HubTag> tags = new ListView<>(search.tags());
        tags.setId("hub-tags");
        tags.setPrefHeight(150);
        tags.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HubTag tag, boolean empty) {
                super.updateItem(tag, empty);
                setText(empty || tag == null ? null : tag.name() + (tag.size() > 0 ? "  ·  " + Formats.bytes(tag.size()) : "")
                        + (tag.lastUpdated() != null ? "  ·  " + Formats.ago(tag.lastUpdated(), Instant.now()) : ""));
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, repo) -> {
            search.loadTags(repo);
            if (repo != null) {
                reference.setText(repo.name());
            }
        });
        tags.getSelectionModel().selectedItemProperty().addListener((obs, old, tag) -> {
            HubRepository repo = results.getSelectionModel().getSelectedItem();
            if (repo != null && tag != null) {
                reference.setText(repo.name() + ":" + tag.name());
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);
        Label tagsTitle = new Label("Tags");
        tagsTitle.getStyleClass().add("section-title");
        VBox box = new VBox(8, row, status, results, tagsTitle, tags);
        box.setPadding(new Insets(0, 10, 0, 0));
        return box;
    }

    /** One layer: ID, the engine's status, a bar and bytes. */
    private static final class LayerCell extends ListCell<LayerProgress> {
        private final Label id = new Label();
        private final Label status = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label bytes = new Label();
        private final HBox box;

        LayerCell() {
            id.getStyleClass().add(Css.MONOSPACE);
            id.setMinWidth(105);
            status.setMinWidth(115);
            bar.setPrefWidth(120);
            bytes.getStyleClass().add(Css.VIEW_SUBTITLE);
            box = new HBox(8, id, status, bar, bytes);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("layer-row");
        }

        @Override
        protected void updateItem(LayerProgress layer, boolean empty) {
            super.updateItem(layer, empty);
            if (empty || layer == null) {
                setGraphic(null);
                return;
            }
            id.setText(layer.id());
            status.setText(layer.status());
            bar.setProgress(layer.phase() == LayerProgress.Phase.WAITING ? 0 : layer.fraction());
            bytes.setText(layer.total() > 0 && !layer.phase().isFinished()
                    ? Formats.bytes(layer.current()) + " / " + Formats.bytes(layer.total()) : "");
            setGraphic(box);
        }
    }

    /** A search result: name with badges, description, stars and pulls. */
    private static final class RepositoryCell extends ListCell<HubRepository> {
        @Override
        protected void updateItem(HubRepository repo, boolean empty) {
            super.updateItem(repo, empty);
            if (empty || repo == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(repo.name());
            name.getStyleClass().add("hub-name");
            HBox title = new HBox(6, name);
            title.setAlignment(Pos.CENTER_LEFT);
            if (repo.official()) {
                title.getChildren().add(new Badge("Official", Badge.Tone.SUCCESS));
            }
            if (repo.verified()) {
                title.getChildren().add(new Badge("Verified publisher", Badge.Tone.ACCENT));
            }
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label stars = new Label(Long.toString(repo.stars()), new FontIcon(Material2MZ.STAR_OUTLINE));
            stars.getStyleClass().add(Css.VIEW_SUBTITLE);
            Label pulls = new Label(repo.pullsText().isEmpty() ? "" : repo.pullsText() + " pulls",
                    new FontIcon(Material2AL.CLOUD_DOWNLOAD));
            pulls.getStyleClass().add(Css.VIEW_SUBTITLE);
            title.getChildren().addAll(spacer, stars, pulls);
            Label description = new Label(repo.description());
            description.getStyleClass().add(Css.VIEW_SUBTITLE);
            description.setWrapText(false);
            VBox box = new VBox(2, title, description);
            box.setMaxWidth(Double.MAX_VALUE);
            setGraphic(box);
        }
    }
}
