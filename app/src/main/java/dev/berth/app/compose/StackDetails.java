package dev.berth.app.compose;

import dev.berth.app.common.AppServices;
import dev.berth.app.logs.AggregatedLogsPane;
import dev.berth.app.theme.Css;
import dev.berth.compose.ComposeLabels;
import dev.berth.compose.ComposeProblem;
import dev.berth.compose.ComposeProject;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.logs.MergedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The selected stack: its file and what is wrong with it, its services with their containers,
 * the stack's live totals, its merged logs and the compose file itself.
 */
final class StackDetails implements AutoCloseable {

    private final AppServices services;
    private final ComposeViewModel model;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label file = new Label();
    private final StackTotals totals;
    private final VBox problems = new VBox(4);
    private final MenuButton profiles = new MenuButton("Profiles", new FontIcon(Material2MZ.TUNE));
    private final ServicesTable serviceTable;
    private final StackPane logsHost = new StackPane();
    private final ComposeFileEditor fileEditor;
    private final InvalidationListener refresh = obs -> refresh();
    private final InvalidationListener containersChanged = obs -> showContainers();
    private final InvalidationListener profilesChanged = obs -> {
        showProfiles();
        showContainers();
    };
    private final Node nothingChosen = dev.berth.app.common.EmptyState.of(Material2AL.LAYERS,
            "Choose a stack on the left, or open a compose file.");
    private Node header;
    private Node content;
    private StackRow shown;
    private AggregatedLogsPane logs;
    private List<String> logIds = List.of();

    /** The last check of the edited file; shown instead of the saved file's problems while edits are unsaved. */
    private FileCheck edited;

    /** @param select shows another stack (one a save re-listed under a new name) */
    StackDetails(AppServices services, ComposeViewModel model, Consumer<StackRow> select) {
        this.services = services;
        this.model = model;
        this.serviceTable = new ServicesTable(model);
        this.fileEditor = new ComposeFileEditor(model, check -> {
            edited = check;
            showProblems();
        }, select);
        fileEditor.dirtyProperty().addListener((obs, was, now) -> {
            if (!now) {
                edited = null;
                showProblems();
            }
        });
        this.totals = new StackTotals(services);
        build();
    }

    private void build() {
        title.getStyleClass().add(Css.SECTION_TITLE);
        title.setId("stack-title");
        file.getStyleClass().addAll(Css.VIEW_SUBTITLE, Css.MONOSPACE);
        file.setId("stack-file");
        problems.setId("stack-problems");
        profiles.setId("stack-profiles");
        profiles.managedProperty().bind(profiles.visibleProperty());
        problems.managedProperty().bind(problems.visibleProperty());


        Tab logsTab = new Tab("Logs", logsHost);
        logsTab.setGraphic(new FontIcon(Material2AL.ARTICLE));
        Tab fileTab = new Tab("Compose file", fileEditor.node());
        fileTab.setGraphic(new FontIcon(Material2AL.DESCRIPTION));
        TabPane tabs = new TabPane(logsTab, fileTab);
        tabs.setId("stack-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        HBox totalsLine = new HBox(12, totals.node(), profiles);
        totalsLine.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, title, file, totalsLine, problems);
        top.setPadding(new Insets(4, 0, 8, 0));
        SplitPane split = new SplitPane(serviceTable.node(), tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        header = top;
        content = split;
        root.setCenter(nothingChosen);
        root.setPadding(new Insets(0, 0, 0, 12));
    }

    /** Shows a stack, or nothing. Call on the UI thread. */
    void show(StackRow row) {
        if (shown != null) {
            shown.containersProperty().removeListener(containersChanged);
            shown.composeProperty().removeListener(refresh);
            shown.problemsProperty().removeListener(refresh);
            shown.fileProperty().removeListener(refresh);
            shown.profilesProperty().removeListener(profilesChanged);
        }
        shown = row;
        edited = null;
        if (row != null) {
            row.containersProperty().addListener(containersChanged);
            row.composeProperty().addListener(refresh);
            row.problemsProperty().addListener(refresh);
            row.fileProperty().addListener(refresh);
            row.profilesProperty().addListener(profilesChanged);
        }
        logIds = null;
        refresh();
    }

    private void refresh() {
        StackRow row = shown;
        if (row == null) {
            root.setTop(null);
            root.setCenter(nothingChosen);
            serviceTable.show(List.of());
            totals.watch(List.of(), "");
            follow(List.of());
            return;
        }
        if (root.getCenter() != content) {
            root.setTop(header);
            root.setCenter(content);
        }
        title.setText(row.project());
        Path path = row.fileProperty().get();
        file.setText(path == null ? "No compose file: the containers name none" : path.toString());
        showProblems();
        showFile(row, path);
        showProfiles();
        showContainers();
    }

    /** One tick per profile the file names; what is ticked runs on the next Up. Not redrawn on container events. */
    private void showProfiles() {
        StackRow row = shown;
        if (row == null) {
            return;
        }
        ComposeProject compose = row.effectiveCompose();
        Set<String> all = compose == null ? Set.of() : compose.allProfiles();
        profiles.setVisible(!all.isEmpty());
        profiles.getItems().clear();
        for (String profile : all) {
            CheckMenuItem item = new CheckMenuItem(profile);
            item.setId("stack-profile-" + profile);
            item.setMnemonicParsing(false);
            item.setSelected(compose.profiles().contains(profile));
            item.setOnAction(e -> {
                Set<String> chosen = new TreeSet<>(row.effectiveCompose().profiles());
                if (item.isSelected()) {
                    chosen.add(profile);
                } else {
                    chosen.remove(profile);
                }
                row.profilesProperty().set(chosen);
            });
            profiles.getItems().add(item);
        }
        profiles.setText(compose == null || compose.profiles().isEmpty() ? "Profiles"
                : "Profiles: " + String.join(", ", compose.profiles()));
    }

    /** The services table, logs and totals: what changes with container events; the file is not read again. */
    private void showContainers() {
        StackRow row = shown;
        if (row == null) {
            return;
        }
        serviceTable.show(ServiceRow.of(row.effectiveCompose(), row.containersProperty().get()));
        List<ContainerSummary> containers = row.containersProperty().get();
        follow(containers);
        totals.watch(containers.stream().filter(c -> c.state() == ContainerState.RUNNING).map(ContainerSummary::id)
                .toList(), row.summary());
    }

    /** The edited text's problems while it is unsaved, else the saved file's. */
    private void showProblems() {
        problems.getChildren().clear();
        if (shown == null) {
            problems.setVisible(false);
            return;
        }
        boolean errors = edited != null ? edited.hasErrors() : shown.composeProperty().get() == null;
        for (ComposeProblem p : edited != null ? edited.problems() : shown.problemsProperty().get()) {
            Label line = new Label(p.describe(), new FontIcon(errors ? Material2AL.ERROR_OUTLINE : Material2MZ.WARNING));
            line.getStyleClass().add(errors ? Css.DANGER_TEXT : Css.VIEW_SUBTITLE);
            line.setWrapText(true);
            problems.getChildren().add(line);
        }
        problems.setVisible(!problems.getChildren().isEmpty());
    }

    /** The file's text, read in the background, with each problem's line marked; unsaved edits stay. */
    private void showFile(StackRow row, Path path) {
        if (path == null) {
            fileEditor.show(row, "");
            return;
        }
        services.executor().submit(() -> Files.readString(path), text -> {
            if (shown != row || !path.equals(row.fileProperty().get())) {
                return;
            }
            fileEditor.show(row, text);
            if (!fileEditor.dirtyProperty().get()) {
                fileEditor.mark(row.problemsProperty().get(), row.composeProperty().get() == null);
            }
        }, error -> {
            if (shown == row) {
                fileEditor.show(row, "# Could not read " + path + ": "
                        + (error instanceof IOException io ? io.getMessage() : error.toString()));
            }
        });
    }

    /** Merged logs of the stack's containers; started again only when the set of containers changes. */
    private void follow(List<ContainerSummary> containers) {
        List<String> ids = containers.stream().map(ContainerSummary::id).toList();
        if (ids.equals(logIds)) {
            return;
        }
        logIds = ids;
        if (logs != null) {
            logs.close();
            logs = null;
        }
        if (ids.isEmpty()) {
            Label none = new Label("The stack has no containers. Bring it up to see its logs here.");
            none.getStyleClass().add(Css.PLACEHOLDER_TEXT);
            logsHost.getChildren().setAll(none);
            return;
        }
        logs = new AggregatedLogsPane(services, containers.stream().map(c -> new MergedLogs.Source(c.id(),
                ComposeLabels.serviceOf(c))).toList());
        logsHost.getChildren().setAll(logs.node());
    }

    Node node() {
        return root;
    }

    TableView<ServiceRow> table() {
        return serviceTable.table();
    }

    ComposeFileEditor fileEditor() {
        return fileEditor;
    }

    AggregatedLogsPane logs() {
        return logs;
    }

    @Override
    public void close() {
        show(null);
    }
}
