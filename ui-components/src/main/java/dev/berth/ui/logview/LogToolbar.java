package dev.berth.ui.logview;

import java.io.File;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The log view's toolbar: search with its toggles and match count, the embedding view's own
 * items, wrap, timestamps, follow, save and clear; and the note shown when old lines were dropped.
 */
final class LogToolbar {

    private final LogView view;
    private final Label status = new Label();

    LogToolbar(LogView view) {
        this.view = view;
    }

    HBox bar() {
        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText("Search");
        search.getStyleClass().add("log-search-field");
        search.textProperty().bindBidirectional(view.searchTextProperty());
        search.setPrefColumnCount(14);
        search.setMinWidth(90);
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    view.findPrevious();
                } else {
                    view.findNext();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            }
        });
        search.styleProperty().bind(Bindings.when(view.searchErrorProperty().isNotNull())
                .then("-fx-border-color: -log-error-border;").otherwise(""));
        FontIcon searchIcon = new FontIcon(Material2MZ.SEARCH);
        searchIcon.getStyleClass().add("log-search-icon");
        HBox searchBox = new HBox(4, searchIcon, search);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        searchBox.setMaxWidth(320);
        HBox.setHgrow(searchBox, Priority.SOMETIMES);

        ToggleButton matchCase = toggle("Aa", null, "Match case", view.caseSensitiveProperty(), "log-match-case");
        ToggleButton regex = toggle(".*", null, "Regular expression", view.regexProperty(), "log-regex");
        ToggleButton filter = toggle(null, Material2AL.FILTER_LIST, "Filter: show only matching lines",
                view.filterModeProperty(), "log-filter");
        Button previous = iconButton(Material2AL.KEYBOARD_ARROW_UP, "Previous match (Shift+Enter)", view::findPrevious,
                "log-previous");
        Button next = iconButton(Material2AL.KEYBOARD_ARROW_DOWN, "Next match (Enter)", view::findNext, "log-next");
        previous.disableProperty().bind(view.matchCountProperty().isEqualTo(0));
        next.disableProperty().bind(view.matchCountProperty().isEqualTo(0));

        Label matches = new Label();
        matches.setId("log-match-count");
        matches.getStyleClass().add("log-match-count");
        matches.textProperty().bind(Bindings.createStringBinding(this::matchText, view.matchCountProperty(),
                view.currentMatchProperty(), view.searchErrorProperty(), view.searchTextProperty()));
        matches.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox extra = new HBox(6);
        extra.setAlignment(Pos.CENTER_LEFT);
        Bindings.bindContent(extra.getChildren(), view.getToolbarItems());

        ToggleButton wrap = toggle(null, Material2MZ.WRAP_TEXT, "Wrap long lines", view.wrapTextProperty(),
                "log-wrap");
        ToggleButton time = toggle(null, Material2AL.ACCESS_TIME, "Show timestamps", view.showTimestampsProperty(),
                "log-timestamps");
        ToggleButton follow = toggle(null, Material2MZ.VERTICAL_ALIGN_BOTTOM, "Follow: keep showing the newest lines",
                view.followProperty(), "log-follow");

        MenuItem saveAll = new MenuItem("Save all lines\u2026");
        saveAll.setOnAction(e -> chooseAndSave(false));
        MenuItem saveShown = new MenuItem("Save shown lines only\u2026");
        saveShown.setOnAction(e -> chooseAndSave(true));
        MenuButton save = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), saveAll, saveShown);
        save.setId("log-save");
        save.setTooltip(new Tooltip("Save the log to a file"));
        save.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = iconButton(Material2AL.DELETE_SWEEP, "Clear the view", view::clear, "log-clear");

        status.getStyleClass().add("log-status");
        status.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(6, searchBox, matchCase, regex, filter, previous, next, matches, spacer, status, extra,
                wrap, time, follow, save, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-toolbar");
        return bar;
    }

    private String matchText() {
        if (view.searchErrorProperty().get() != null) {
            return view.searchErrorProperty().get();
        }
        if (view.getSearchText() == null || view.getSearchText().isEmpty()) {
            return "";
        }
        long count = view.matchCountProperty().get();
        long current = view.currentMatchProperty().get();
        if (count == 0) {
            return "No matches";
        }
        return current > 0 ? String.format("%,d of %,d", current, count)
                : String.format("%,d match%s", count, count == 1 ? "" : "es");
    }

    private static ToggleButton toggle(String text, org.kordamp.ikonli.Ikon icon, String tip,
                                       javafx.beans.property.BooleanProperty property, String id) {
        ToggleButton b = new ToggleButton(text);
        if (icon != null) {
            b.setGraphic(new FontIcon(icon));
        }
        b.setTooltip(new Tooltip(tip));
        b.selectedProperty().bindBidirectional(property);
        b.setId(id);
        b.getStyleClass().add("log-toggle");
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    Node droppedNote() {
        Label note = new Label(null, new FontIcon(Material2AL.INFO));
        note.setId("log-dropped");
        note.getStyleClass().add("log-dropped");
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                "%,d older lines were dropped to keep the view within %,d lines.",
                view.droppedCountProperty().get(), view.getMaxLines()),
                view.droppedCountProperty(), view.maxLinesProperty()));
        note.visibleProperty().bind(view.droppedCountProperty().greaterThan(0));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private void chooseAndSave(boolean shownOnly) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(shownOnly ? "Save shown lines" : "Save log");
        chooser.setInitialFileName("log.txt");
        File file = chooser.showSaveDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (file != null) {
            view.save(file.toPath(), shownOnly).whenComplete((count, error) -> Platform.runLater(() ->
                    showStatus(error == null ? String.format("Saved %,d lines to %s", count, file.getName())
                            : "Could not save: " + rootMessage(error))));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void showStatus(String text) {
        status.setText(text);
        javafx.animation.PauseTransition hide = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6));
        hide.setOnFinished(e -> {
            if (text.equals(status.getText())) {
                status.setText("");
            }
        });
        hide.play();
    }

}
