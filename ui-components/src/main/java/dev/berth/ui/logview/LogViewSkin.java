package dev.berth.ui.logview;

import java.io.File;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The log view's look: toolbar (search, toggles, the embedding view's own items, save, clear), a
 * note when old lines were dropped, the virtualized list, "jump to end" over it, and source
 * toggles under it for merged logs.
 */
final class LogViewSkin extends SkinBase<LogView> implements LogView.IngestListener {

    private final LogView view;
    private final ListView<LogLine> list = new ListView<>();
    private final Button jumpToEnd = new Button();
    private final Label status = new Label();
    private final FlowPane sourceBar = new FlowPane(6, 4);
    private LineStyle lineStyle;
    private LogLine anchorLine;
    private double anchorOffset;

    LogViewSkin(LogView view) {
        super(view);
        this.view = view;

        list.getStyleClass().add("log-list");
        list.setItems(view.model().shown());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new LogLineCell(this::lineStyle));
        list.setSkin(new LogListSkin(list));
        Label empty = new Label("No log lines yet");
        empty.getStyleClass().add("log-placeholder");
        list.setPlaceholder(empty);
        list.setContextMenu(contextMenu());
        installScrollWatch();
        installKeys();

        jumpToEnd.getStyleClass().addAll("log-jump-to-end", "accent");
        jumpToEnd.setGraphic(new FontIcon(Material2AL.ARROW_DOWNWARD));
        jumpToEnd.textProperty().bind(Bindings.createStringBinding(() -> view.newWhileAwayProperty().get() > 0
                ? String.format("Jump to end (%,d new)", view.newWhileAwayProperty().get()) : "Jump to end",
                view.newWhileAwayProperty()));
        jumpToEnd.visibleProperty().bind(view.followProperty().not().and(view.shownCountProperty().greaterThan(0)));
        jumpToEnd.setOnAction(e -> view.jumpToEnd());
        jumpToEnd.setId("log-jump-to-end");
        StackPane.setAlignment(jumpToEnd, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(jumpToEnd, new javafx.geometry.Insets(0, 24, 18, 0));
        StackPane center = new StackPane(list, jumpToEnd);

        sourceBar.getStyleClass().add("log-sources");
        view.getSources().addListener((ListChangeListener<LogSource>) c -> rebuildSourceBar());
        rebuildSourceBar();

        BorderPane root = new BorderPane(center);
        root.setTop(new VBox(toolbar(), droppedNote()));
        root.setBottom(sourceBar);
        getChildren().add(root);

        view.addIngestListener(this);
        view.appearanceProperty().addListener(o -> refresh());
        view.effectivePaletteProperty().addListener(o -> applyPalette());
        view.wrapTextProperty().addListener(o -> applyWrap());
        view.fontProperty().addListener(o -> applyWrap());
        view.followProperty().addListener((obs, was, now) -> {
            if (now) {
                scrollToEnd();
            }
        });
        view.revealIndexProperty().addListener((obs, was, now) -> reveal(now.intValue()));
        applyPalette();
        applyWrap();
    }

    LineStyle lineStyle() {
        if (lineStyle == null) {
            lineStyle = new LineStyle(view);
        }
        return lineStyle;
    }

    private void refresh() {
        lineStyle = null;
        list.refresh();
    }

    private void applyPalette() {
        TerminalPalette p = view.getEffectivePalette();
        list.setStyle("-fx-background-color: " + css(p.background()) + ";");
        refresh();
    }

    private static String css(javafx.scene.paint.Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private void applyWrap() {
        lineStyle = null;
        list.setFixedCellSize(view.isWrapText() ? -1 : lineStyle().lineHeight);
        list.refresh();
        if (view.isFollow()) {
            scrollToEnd();
        }
    }

    // ---- toolbar ------------------------------------------------------------------------------

    private HBox toolbar() {
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

    private Node droppedNote() {
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

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copySelection());
        MenuItem selectAll = new MenuItem("Select all");
        selectAll.setOnAction(e -> list.getSelectionModel().selectAll());
        MenuItem jump = new MenuItem("Jump to end");
        jump.setOnAction(e -> view.jumpToEnd());
        return new ContextMenu(copy, selectAll, new SeparatorMenuItem(), jump);
    }

    private void copySelection() {
        List<LogLine> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        view.copy(selected.stream().sorted(java.util.Comparator.comparingLong(l -> l.sequence)).toList());
    }

    // ---- sources ------------------------------------------------------------------------------

    private void rebuildSourceBar() {
        sourceBar.getChildren().clear();
        for (LogSource source : view.getSources()) {
            ToggleButton b = new ToggleButton(source.name());
            Circle dot = new Circle(5, view.getEffectivePalette().source(source));
            b.setGraphic(dot);
            b.selectedProperty().bindBidirectional(source.shownProperty());
            b.getStyleClass().add("log-source-toggle");
            b.setId("log-source-" + source.name());
            b.setTooltip(new Tooltip("Show or hide " + source.name()));
            sourceBar.getChildren().add(b);
        }
        sourceBar.setVisible(!view.getSources().isEmpty());
        sourceBar.setManaged(!view.getSources().isEmpty());
    }

    // ---- scrolling and follow ----------------------------------------------------------------

    private VirtualFlow<?> flow() {
        return list.getSkin() instanceof LogListSkin s ? s.flow() : null;
    }

    private void installScrollWatch() {
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                view.setFollow(false);
            } else if (e.getDeltaY() < 0) {
                Platform.runLater(this::followIfAtEnd);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnScrollBar(e)) {
                view.setFollow(false);
            } else if (e.isPrimaryButtonDown() || e.isSecondaryButtonDown()) {
                // Selecting lines to read or copy them: stop the newest lines pushing them away.
                view.setFollow(false);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (isOnScrollBar(e)) {
                Platform.runLater(this::followIfAtEnd);
            }
        });
    }

    private static boolean isOnScrollBar(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return true;
            }
        }
        return false;
    }

    private void installKeys() {
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (e.isShortcutDown() && code == KeyCode.C) {
                copySelection();
                e.consume();
            } else if (code == KeyCode.UP || code == KeyCode.PAGE_UP || code == KeyCode.HOME) {
                view.setFollow(false);
            } else if (code == KeyCode.END) {
                view.jumpToEnd();
            } else if (code == KeyCode.DOWN || code == KeyCode.PAGE_DOWN) {
                Platform.runLater(this::followIfAtEnd);
            }
        });
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                Node field = view.lookup("#log-search");
                if (field != null) {
                    field.requestFocus();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.F3) {
                if (e.isShiftDown()) {
                    view.findPrevious();
                } else {
                    view.findNext();
                }
                e.consume();
            }
        });
    }

    private void followIfAtEnd() {
        if (isAtEnd()) {
            view.setFollow(true);
        }
    }

    /** True when the last line is fully in view (or everything fits). */
    boolean isAtEnd() {
        VirtualFlow<?> flow = flow();
        int count = list.getItems().size();
        if (flow == null || count == 0) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return true;
        }
        return last.getIndex() >= count - 1 && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 0.5
                || flow.getPosition() >= 0.9999;
    }

    private void scrollToEnd() {
        VirtualFlow<?> flow = flow();
        int count = list.getItems().size();
        if (flow == null || count == 0) {
            return;
        }
        flow.scrollTo(count - 1);
        flow.setPosition(1.0);
    }

    private void reveal(int index) {
        VirtualFlow<?> flow = flow();
        if (index < 0 || flow == null) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        boolean visible = first != null && last != null && index > first.getIndex() && index < last.getIndex();
        if (!visible) {
            int rows = first != null && last != null ? Math.max(1, last.getIndex() - first.getIndex()) : 10;
            flow.scrollToTop(Math.max(0, index - rows / 3));
        }
        list.getSelectionModel().clearAndSelect(index);
    }

    @Override
    public void beforeIngest() {
        anchorLine = null;
        if (view.isFollow()) {
            return;
        }
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        if (first != null && first.getItem() instanceof LogLine line) {
            anchorLine = line;
            anchorOffset = first.getLayoutY();
        }
    }

    @Override
    public void afterIngest(int added) {
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            // The list skin tells the flow about new items only at layout; scrolling needs it now.
            flow.setCellCount(list.getItems().size());
        }
        if (view.isFollow()) {
            scrollToEnd();
            return;
        }
        if (anchorLine != null && flow != null) {
            // Keep the same line at the top although lines were added below and dropped above.
            int index = view.model().indexAtOrAfter(anchorLine.sequence);
            flow.scrollToTop(Math.min(index, Math.max(0, list.getItems().size() - 1)));
            if (index < list.getItems().size() && list.getItems().get(index) == anchorLine) {
                flow.scrollPixels(-anchorOffset);
            }
        }
        anchorLine = null;
    }

    /** The first visible line's index, where a search without a current match starts. */
    int firstVisibleIndex() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? 0 : first.getIndex();
    }

    ListView<LogLine> list() {
        return list;
    }

    @Override
    public void dispose() {
        view.removeIngestListener(this);
        super.dispose();
    }

    /** Exposes the list's VirtualFlow, which follow and scroll-keeping need. */
    static final class LogListSkin extends ListViewSkin<LogLine> {
        LogListSkin(ListView<LogLine> list) {
            super(list);
        }

        VirtualFlow<?> flow() {
            return getVirtualFlow();
        }
    }
}
