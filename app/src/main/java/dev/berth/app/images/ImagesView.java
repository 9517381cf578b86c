package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.EmptyState;
import dev.berth.app.common.Formats;
import dev.berth.app.common.ListPage;
import dev.berth.app.shell.View;
import dev.berth.app.theme.Css;
import dev.berth.engine.ImageReference;
import dev.berth.engine.registry.DockerConfig;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The images table: filter, pull, build, tag, push, save, load, remove and prune. */
public final class ImagesView implements View {

    private final AppServices services;
    private final ImagesViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<ImageRow> table = new TableView<>();

    public ImagesView(AppServices services) {
        this.services = services;
        this.model = new ImagesViewModel(services);
        build();
        model.attach();
    }

    private void build() {
        ListPage.table(table, "images-table", model.visibleRows(), EmptyState.of(Material2AL.LAYERS,
                "No images.\nPull one from a registry or build one from a Dockerfile.", model.connectedProperty()));
        TableColumn<ImageRow, String> repository = text("Repository", 260, r -> r.repositoryProperty());
        table.getColumns().setAll(List.of(repository, text("Tag", 110, r -> r.tagProperty()), idColumn(),
                ListPage.sizeColumn(ImageRow::sizeProperty, 90), ListPage.createdColumn(r -> r.createdProperty(), 120),
                ListPage.containersColumn("Used by", "Used by", ImageRow::usedByProperty, false, 220)));
        table.getSortOrder().add(repository);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !selected().isEmpty()) {
                remove();
            }
        });

        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        BooleanBinding notOne = Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1);
        Button pull = action("Pull", Material2AL.CLOUD_DOWNLOAD, () -> TransferWindow.pull(services, window(), ""));
        Button build = action("Build", Material2AL.BUILD, () -> BuildWindow.open(services, window(), null));
        Button tag = action("Tag", Material2AL.LABEL, this::tag);
        tag.disableProperty().bind(notOne);
        Button push = action("Push", Material2AL.CLOUD_UPLOAD, this::push);
        push.disableProperty().bind(notOne);
        Button remove = action("Remove", Material2AL.DELETE, this::remove);
        remove.getStyleClass().add(Css.DANGER);
        remove.disableProperty().bind(none);

        MenuItem layers = new MenuItem("Inspect layers…", new FontIcon(Material2AL.LAYERS));
        layers.setId("image-inspect-layers");
        layers.disableProperty().bind(notOne);
        layers.setOnAction(e -> LayerInspection.open(services, selected().get(0).id()));
        MenuItem save = new MenuItem("Save to file…", new FontIcon(Material2MZ.SAVE));
        save.setId("image-save");
        save.disableProperty().bind(none);
        save.setOnAction(e -> save());
        MenuItem load = new MenuItem("Load from file…", new FontIcon(Material2AL.FOLDER_OPEN));
        load.setId("image-load");
        load.setOnAction(e -> load());
        MenuItem pruneDangling = new MenuItem("Prune dangling images…");
        pruneDangling.setId("prune-dangling");
        pruneDangling.setOnAction(e -> prune(false));
        MenuItem pruneUnused = new MenuItem("Prune unused images…");
        pruneUnused.setId("prune-unused");
        pruneUnused.setOnAction(e -> prune(true));
        MenuItem login = new MenuItem("Log in to a registry…", new FontIcon(Material2AL.LOCK_OPEN));
        login.setId("registry-login");
        login.setOnAction(e -> login());
        MenuButton more = new MenuButton("More", new FontIcon(Material2MZ.MORE_HORIZ), layers, new SeparatorMenuItem(),
                save, load,
                new SeparatorMenuItem(), pruneDangling, pruneUnused, new SeparatorMenuItem(), login);
        more.setId("images-more");

        TextField filter = ListPage.filter("images", "Filter by name, ID or container", 260);
        model.filterProperty().bind(filter.textProperty());
        ToggleButton dangling = ListPage.toggle("images", "dangling", "Dangling only");
        model.danglingOnlyProperty().bind(dangling.selectedProperty());

        root.setTop(ListPage.top("Images", "images",
                Bindings.createStringBinding(this::summary, model.rows(), model.visibleRows()),
                new Node[] {pull, build, tag, push, remove, more}, filter, dangling));
        root.setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 16, 16, 16));
        root.getStyleClass().add("images-view");
    }

    private String summary() {
        long images = model.rows().stream().map(ImageRow::id).distinct().count();
        long dangling = model.rows().stream().filter(ImageRow::isDangling).count();
        String text = images + (images == 1 ? " image" : " images") + " · " + dangling + " dangling";
        return model.visibleRows().size() != model.rows().size()
                ? text + " · showing " + model.visibleRows().size() : text;
    }


    private static Button action(String text, Ikon icon, Runnable onAction) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId("image-" + text.toLowerCase());
        button.setOnAction(e -> onAction.run());
        return button;
    }

    private List<ImageRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void remove() {
        List<ImageRow> targets = selected();
        if (targets.isEmpty()) {
            return;
        }
        RemovalPlan plan = RemovalPlan.of(targets);
        if (plan.isBlocked()) {
            if (ImageDialogs.refuseInUse(window(), plan)) {
                model.remove(plan, true, () -> { });
            }
            return;
        }
        if (ImageDialogs.confirmRemove(window(), plan)) {
            model.remove(plan, false, () -> { });
        }
    }

    private void tag() {
        ImageRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            ImageDialogs.askTag(window(), row.reference()).ifPresent(target ->
                    model.tag(row, target, () -> services.notifier().info("Tagged " + row.shortId() + " as " + target)));
        }
    }

    private void push() {
        ImageRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        if (row.isDangling()) {
            services.notifier().show("Nothing to push", "Tag the image with a registry and repository first.", true);
            return;
        }
        TransferWindow.push(services, window(), row.repoTag());
    }

    private void save() {
        List<ImageRow> rows = selected();
        if (rows.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save images to a file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Image archive (*.tar)", "*.tar"));
        chooser.setInitialFileName(rows.get(0).reference().replaceAll("[^A-Za-z0-9._-]", "_") + ".tar");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            List<String> refs = rows.stream().map(ImageRow::reference).distinct().toList();
            long estimate = rows.stream().collect(java.util.stream.Collectors.toMap(ImageRow::id,
                    r -> r.sizeProperty().get(), (a, b) -> a)).values().stream().mapToLong(Long::longValue).sum();
            FileTransferWindow.save(services, window(), refs, estimate, file.toPath());
        }
    }

    private void load() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load images from a file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Image archive (*.tar, *.tar.gz)", "*.tar",
                "*.tar.gz", "*.tgz"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            FileTransferWindow.load(services, window(), file.toPath());
        }
    }

    private void prune(boolean unusedToo) {
        model.prunePreview(unusedToo, plan -> {
            if (ImageDialogs.confirmPrune(window(), plan, unusedToo)) {
                model.prune(unusedToo, bytes -> services.notifier().info("Pruned images, " + Formats.bytes(bytes) + " freed"));
            }
        });
    }

    private void login() {
        ImageRow row = table.getSelectionModel().getSelectedItem();
        String registry = row == null || row.isDangling() ? "docker.io" : registryOf(row.repoTag());
        ImageDialogs.askLogin(window(), registry).ifPresent(login -> services.executor().submit(() -> {
            services.engine().registries().login(DockerConfig.forThisUser(), login.registry(), login.username(),
                    login.password());
            return login.registry();
        }, server -> services.notifier().info("Logged in to " + server), error ->
                services.notifier().error("Could not log in to " + login.registry(), error)));
    }

    private static String registryOf(String reference) {
        try {
            return ImageReference.parse(reference).registry();
        } catch (IllegalArgumentException e) {
            return "docker.io";
        }
    }

    private static TableColumn<ImageRow, String> text(String title, double width,
                                                       java.util.function.Function<ImageRow, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<ImageRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("image-none");
                if (!empty && ImageRow.NONE.equals(item)) {
                    getStyleClass().add("image-none");
                }
            }
        });
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<ImageRow, String> idColumn() {
        TableColumn<ImageRow, String> column = new TableColumn<>("Image ID");
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().shortId()));
        column.getStyleClass().add(Css.MONOSPACE);
        column.setPrefWidth(120);
        return column;
    }

    /** For tests. */
    TableView<ImageRow> table() {
        return table;
    }

    ImagesViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        model.close();
    }
}
