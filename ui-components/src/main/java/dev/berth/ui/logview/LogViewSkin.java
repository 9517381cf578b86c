package dev.berth.ui.logview;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SkinBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The log view's look: toolbar (search, toggles, the embedding view's own items, save, clear), a
 * note when old lines were dropped, the virtualized list, "jump to end" over it, and source
 * toggles under it for merged logs.
 */
final class LogViewSkin extends SkinBase<LogView> implements LogView.IngestListener {

    private final LogView view;
    private final LineFlow flow;
    private final Label placeholder = new Label("No log lines yet");
    private final Button jumpToEnd = new Button();
    private final FlowPane sourceBar = new FlowPane(6, 4);
    private LineStyle lineStyle;
    private int styleVersion;
    private double dragScroll;

    LogViewSkin(LogView view) {
        super(view);
        this.view = view;

        flow = new LineFlow(view.model().shown(), this::lineStyle);
        flow.setFocusTraversable(true);
        flow.setId("log-lines");
        flow.setOnUserScroll(atEnd -> view.setFollow(atEnd));
        placeholder.getStyleClass().add("log-placeholder");
        placeholder.visibleProperty().bind(view.shownCountProperty().isEqualTo(0));
        placeholder.setMouseTransparent(true);
        ContextMenu menu = contextMenu();
        flow.setOnContextMenuRequested(e -> menu.show(flow, e.getScreenX(), e.getScreenY()));
        installMouse();
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
        StackPane center = new StackPane(flow, placeholder, jumpToEnd);

        sourceBar.getStyleClass().add("log-sources");
        view.getSources().addListener((ListChangeListener<LogSource>) c -> rebuildSourceBar());
        rebuildSourceBar();

        BorderPane root = new BorderPane(center);
        LogToolbar toolbar = new LogToolbar(view);
        root.setTop(new VBox(toolbar.bar(), toolbar.droppedNote()));
        root.setBottom(sourceBar);
        getChildren().add(root);

        view.addIngestListener(this);
        view.appearanceProperty().addListener(o -> refresh());
        view.effectivePaletteProperty().addListener(o -> applyPalette());
        view.wrapTextProperty().addListener(o -> applyWrap());
        view.fontProperty().addListener(o -> applyWrap());
        view.followProperty().addListener((obs, was, now) -> flow.setPinnedToEnd(now));
        flow.setPinnedToEnd(view.isFollow());
        view.revealIndexProperty().addListener((obs, was, now) -> reveal(now.intValue()));
        applyPalette();
        applyWrap();
    }

    LineStyle lineStyle() {
        if (lineStyle == null) {
            lineStyle = new LineStyle(view, styleVersion);
        }
        return lineStyle;
    }

    private void refresh() {
        lineStyle = null;
        styleVersion++;
        flow.invalidateRows();
    }

    private void applyPalette() {
        refresh();
        rebuildSourceBar();
    }

    private void applyWrap() {
        refresh();
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copySelection());
        MenuItem selectAll = new MenuItem("Select all");
        selectAll.setOnAction(e -> flow.selection().select(0, view.model().shown().size() - 1));
        MenuItem jump = new MenuItem("Jump to end");
        jump.setOnAction(e -> view.jumpToEnd());
        return new ContextMenu(copy, selectAll, new SeparatorMenuItem(), jump);
    }

    private void copySelection() {
        view.copy(selectedLines());
    }

    /** The selected lines that are shown, oldest first. */
    List<LogLine> selectedLines() {
        int[] range = flow.selection().range();
        if (range == null) {
            return List.of();
        }
        return List.copyOf(view.model().shown().subList(range[0], range[1] + 1));
    }

    void select(int from, int to) {
        flow.selection().select(from, to);
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

    // ---- scrolling, selection and follow ------------------------------------------------------

    private void installMouse() {
        flow.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaX() != 0 || e.isShiftDown()) {
                flow.scrollHorizontally(-(e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY()));
            } else {
                flow.scrollPixels(-e.getDeltaY());
            }
            e.consume();
        });
        flow.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnScrollBar(e)) {
                return;
            }
            flow.requestFocus();
            int index = flow.indexAt(e.getY());
            if (index < 0) {
                return;
            }
            if (e.isSecondaryButtonDown() && flow.selection().containsIndex(index)) {
                return;
            }
            // Selecting lines to read or copy them: the newest lines must not push them away.
            view.setFollow(false);
            if (e.isShiftDown()) {
                flow.selection().extendTo(index);
            } else {
                flow.selection().select(index, index);
            }
        });
        flow.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (isOnScrollBar(e) || !e.isPrimaryButtonDown()) {
                return;
            }
            if (e.getY() < 0) {
                flow.scrollRows(-1);
            } else if (e.getY() > flow.getHeight()) {
                flow.scrollRows(1);
            }
            int index = flow.indexAt(e.getY());
            if (index >= 0) {
                flow.selection().extendTo(index);
            }
        });
        flow.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnScrollBar(e)) {
                view.setFollow(false);
            }
        });
    }

    private static boolean isOnScrollBar(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }

    private void installKeys() {
        flow.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            int count = view.model().shown().size();
            int caret = flow.selection().caretIndex();
            int page = Math.max(1, flow.visibleRows() - 1);
            int target = -2;
            if (e.isShortcutDown() && code == KeyCode.C) {
                copySelection();
            } else if (e.isShortcutDown() && code == KeyCode.A) {
                flow.selection().select(0, count - 1);
            } else if (code == KeyCode.UP) {
                target = caret < 0 ? flow.firstVisibleIndex() : caret - 1;
            } else if (code == KeyCode.DOWN) {
                target = caret < 0 ? flow.firstVisibleIndex() : caret + 1;
            } else if (code == KeyCode.PAGE_UP) {
                target = caret < 0 ? flow.firstVisibleIndex() - page : caret - page;
            } else if (code == KeyCode.PAGE_DOWN) {
                target = caret < 0 ? flow.firstVisibleIndex() + page : caret + page;
            } else if (code == KeyCode.HOME) {
                target = 0;
            } else if (code == KeyCode.END) {
                view.jumpToEnd();
            } else if (code == KeyCode.ESCAPE) {
                flow.selection().clear();
            } else {
                return;
            }
            if (target != -2 && count > 0) {
                int index = Math.max(0, Math.min(count - 1, target));
                view.setFollow(false);
                if (e.isShiftDown()) {
                    flow.selection().extendTo(index);
                } else {
                    flow.selection().select(index, index);
                }
                flow.ensureVisible(index);
            }
            e.consume();
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

    /** True when the newest line is fully in view (or everything fits). */
    boolean isAtEnd() {
        return flow.isAtEnd();
    }

    private void reveal(int index) {
        if (index < 0) {
            return;
        }
        flow.reveal(index);
        flow.selection().select(index, index);
    }

    @Override
    public void afterIngest(int added) {
        flow.linesChanged(added);
    }

    /** The first visible line's index, where a search without a current match starts. */
    int firstVisibleIndex() {
        return flow.firstVisibleIndex();
    }

    LineFlow flow() {
        return flow;
    }

    @Override
    public void dispose() {
        view.removeIngestListener(this);
        super.dispose();
    }
}
