package dev.berth.ui.logview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableBooleanProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableBooleanProperty;
import javafx.css.StyleableProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.Font;
import javafx.util.Duration;

/**
 * A log viewer for streams of any size: a virtualized list of ANSI-styled lines with search
 * (highlight, next/previous, count, case and regex), a filter mode, follow (sticks to the end
 * until the user scrolls up; "jump to end" resumes), soft wrap, timestamps, selection and copy,
 * save, clear, per-source prefixes and toggles for merged logs, and bounded memory.
 *
 * <pre>{@code
 * LogView view = new LogView();
 * view.setMaxLines(50_000);
 * // from any thread, as often as lines arrive; the view takes them in once per frame
 * view.append(List.of(LogLine.of("listening on :8080"), LogLine.builder("boom").error().build()));
 * }</pre>
 *
 * <p>Lines may be appended from any thread at any rate: they are queued and taken in once per
 * pulse, so the FX thread never sees one update per line. When lines arrive faster than the
 * view can keep them, the oldest are dropped (the count is shown), never the newest.
 */
public class LogView extends Control {

    public static final int DEFAULT_MAX_LINES = 100_000;
    public static final int DEFAULT_MAX_LINE_LENGTH = 10_000;

    private static final String STYLESHEET = Objects.requireNonNull(
            LogView.class.getResource("logview.css")).toExternalForm();

    /** Told after each batch of lines is taken in (the skin redraws or keeps its place). */
    interface IngestListener {
        void afterIngest(int added);
    }

    private final LogModel model = new LogModel();
    private final LineInbox inbox = new LineInbox(DEFAULT_MAX_LINES, this::ingest);
    private final List<IngestListener> ingestListeners = new CopyOnWriteArrayList<>();
    private final ObservableList<LogSource> sources = FXCollections.observableArrayList();
    private final ObservableList<Node> toolbarItems = FXCollections.observableArrayList();
    private final PauseTransition searchDelay = new PauseTransition(Duration.millis(150));
    private final InvalidationListener sourceToggled = o -> sourcesChanged();

    private final IntegerProperty maxLines = new SimpleIntegerProperty(this, "maxLines", DEFAULT_MAX_LINES);
    private final IntegerProperty maxLineLength = new SimpleIntegerProperty(this, "maxLineLength", DEFAULT_MAX_LINE_LENGTH);
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final BooleanProperty wrapText = new SimpleBooleanProperty(this, "wrapText", false);
    private final BooleanProperty showTimestamps = new SimpleBooleanProperty(this, "showTimestamps", false);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty(this, "caseSensitive", false);
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex", false);
    private final BooleanProperty filterMode = new SimpleBooleanProperty(this, "filterMode", false);
    private final ObjectProperty<TerminalPalette> palette = new SimpleObjectProperty<>(this, "palette");

    private final ReadOnlyIntegerWrapper lineCount = new ReadOnlyIntegerWrapper(this, "lineCount");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyLongWrapper droppedCount = new ReadOnlyLongWrapper(this, "droppedCount");
    private final ReadOnlyLongWrapper matchCount = new ReadOnlyLongWrapper(this, "matchCount");
    private final ReadOnlyLongWrapper currentMatch = new ReadOnlyLongWrapper(this, "currentMatch");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError");
    private final ReadOnlyLongWrapper newWhileAway = new ReadOnlyLongWrapper(this, "newWhileAway");
    private final ReadOnlyObjectWrapper<TerminalPalette> effectivePalette =
            new ReadOnlyObjectWrapper<>(this, "effectivePalette", TerminalPalette.LIGHT);
    /** Bumped whenever what the lines look like changes without the lines changing. */
    private final ReadOnlyIntegerWrapper appearance = new ReadOnlyIntegerWrapper(this, "appearance");
    /** Shown index of the line next/previous moved to; the skin scrolls there. */
    private final ReadOnlyIntegerWrapper revealIndex = new ReadOnlyIntegerWrapper(this, "revealIndex", -1);

    private final StyleableBooleanProperty darkPalette =
            new SimpleStyleableBooleanProperty(DARK_PALETTE, this, "darkPalette", false);
    private final ObjectProperty<Font> font = new SimpleObjectProperty<>(this, "font", Font.font("Monospaced", 13));

    public LogView() {
        getStyleClass().add("log-view");
        setFocusTraversable(false);
        searchDelay.setOnFinished(e -> applySearch());
        searchText.addListener(o -> searchDelay.playFromStart());
        caseSensitive.addListener(o -> applySearch());
        regex.addListener(o -> applySearch());
        filterMode.addListener(o -> applySearch());
        InvalidationListener repaint = o -> appearance.set(appearance.get() + 1);
        palette.addListener(o -> updatePalette());
        darkPalette.addListener(o -> updatePalette());
        effectivePalette.addListener(repaint);
        font.addListener(repaint);
        showTimestamps.addListener(repaint);
        maxLineLength.addListener(repaint);
        follow.addListener((obs, was, now) -> {
            if (now) {
                newWhileAway.set(0);
            }
        });
        maxLines.addListener((obs, was, now) -> {
            inbox.setMaxLines(now.intValue());
            if (now.intValue() < 1) {
                maxLines.set(1);
            } else if (now.intValue() < model.size()) {
                model.append(List.of(), now.intValue(), 0);
                syncCounts();
            }
        });
        sources.addListener((ListChangeListener<LogSource>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> s.shownProperty().removeListener(sourceToggled));
                c.getAddedSubList().forEach(s -> s.shownProperty().addListener(sourceToggled));
            }
            model.refilter();
            syncCounts();
            appearance.set(appearance.get() + 1);
        });
        model.refilter();
    }

    // ---- feeding ---------------------------------------------------------------------------

    /** Queues lines for the view; safe from any thread. They appear at the next pulse. */
    public void append(Collection<LogLine> lines) {
        inbox.add(lines);
    }

    public void append(LogLine line) {
        inbox.add(List.of(line));
    }

    /** Takes a pulse's lines in (FX thread). */
    private void ingest(List<LogLine> lines, long droppedBefore) {
        if (lines.isEmpty()) {
            model.append(List.of(), getMaxLines(), droppedBefore);
            syncCounts();
            return;
        }
        model.append(lines, getMaxLines(), droppedBefore);
        if (!isFollow()) {
            newWhileAway.set(newWhileAway.get() + lines.size());
        }
        syncCounts();
        for (IngestListener l : ingestListeners) {
            l.afterIngest(lines.size());
        }
    }

    /** Removes every line. */
    public void clear() {
        inbox.clear();
        model.clear();
        appearance.set(appearance.get() + 1);
        newWhileAway.set(0);
        syncCounts();
    }

    private void sourcesChanged() {
        model.refilter();
        syncCounts();
        appearance.set(appearance.get() + 1);
    }

    private void syncCounts() {
        lineCount.set(model.size());
        shownCount.set(model.shown().size());
        droppedCount.set(model.dropped());
        matchCount.set(model.matchCount());
        currentMatch.set(model.currentOrdinal());
    }

    // ---- search ----------------------------------------------------------------------------

    private void applySearch() {
        searchDelay.stop();
        LogSearch search = LogSearch.of(getSearchText(), isCaseSensitive(), isRegex());
        searchError.set(search.error());
        model.setSearch(search, isFilterMode());
        revealIndex.set(-1);
        syncCounts();
        appearance.set(appearance.get() + 1);
    }

    /** Applies a search typed a moment ago at once (the view waits briefly while typing). */
    public void searchNow() {
        applySearch();
    }

    /** Moves to the next match and shows it; stops following so the match stays in view. */
    public void findNext() {
        find(true);
    }

    public void findPrevious() {
        find(false);
    }

    private void find(boolean forward) {
        if (searchDelay.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            applySearch();
        }
        int from = getSkin() instanceof LogViewSkin skin ? skin.firstVisibleIndex() : 0;
        int index = model.move(forward, forward ? from - 1 : from);
        syncCounts();
        if (index >= 0) {
            setFollow(false);
            revealIndex.set(-1);
            revealIndex.set(index);
        }
        appearance.set(appearance.get() + 1);
    }

    // ---- actions ---------------------------------------------------------------------------

    /** Follows again from the newest line. */
    public void jumpToEnd() {
        setFollow(true);
    }

    /**
     * Writes lines as plain text (with timestamps and source names when shown), in the
     * background. {@code shownOnly} saves only the lines the filter and source toggles leave.
     * Returns the number of lines written.
     */
    public CompletableFuture<Integer> save(Path file, boolean shownOnly) {
        return LineFormat.save(new ArrayList<>(shownOnly ? model.shown() : model.all()), file, isShowTimestamps(),
                sourceNameWidth());
    }

    /** The lines as plain text, one per line, as copy and save write them. */
    public String asText(List<LogLine> lines) {
        return LineFormat.plain(lines, isShowTimestamps(), sourceNameWidth());
    }

    /** The selected lines that are shown, oldest first (empty without a skin or selection). */
    public List<LogLine> getSelectedLines() {
        return getSkin() instanceof LogViewSkin skin ? skin.selectedLines() : List.of();
    }

    /** Selects the shown lines from {@code from} to {@code to} (inclusive). */
    public void select(int from, int to) {
        if (getSkin() instanceof LogViewSkin skin) {
            skin.select(from, to);
        }
    }

    /** Puts the lines on the clipboard as plain text. */
    public void copy(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(asText(lines));
        Clipboard.getSystemClipboard().setContent(content);
    }

    int sourceNameWidth() {
        int width = 0;
        for (LogSource s : sources) {
            width = Math.max(width, s.name().length());
        }
        return width;
    }

    // ---- model access for the skin and tests ------------------------------------------------

    LogModel model() {
        return model;
    }

    void addIngestListener(IngestListener listener) {
        ingestListeners.add(listener);
    }

    void removeIngestListener(IngestListener listener) {
        ingestListeners.remove(listener);
    }

    /** The lines shown after filtering, oldest first (read-only; read on the FX thread). */
    public List<LogLine> getShownLines() {
        return java.util.Collections.unmodifiableList(model.shown());
    }

    /** Every line held, oldest first (read-only; lines are made on demand, read them on the FX thread). */
    public List<LogLine> getLines() {
        return java.util.Collections.unmodifiableList(model.all());
    }

    /** The sources of a merged log; a toggle for each appears under the lines. */
    public ObservableList<LogSource> getSources() {
        return sources;
    }

    /** Extra controls the embedding view puts in the toolbar (e.g. how much history to load). */
    public ObservableList<Node> getToolbarItems() {
        return toolbarItems;
    }

    LogSearch search() {
        return model.search();
    }

    // ---- properties --------------------------------------------------------------------------

    public IntegerProperty maxLinesProperty() {
        return maxLines;
    }

    public int getMaxLines() {
        return maxLines.get();
    }

    /** Lines kept (default {@value #DEFAULT_MAX_LINES}); beyond it the oldest are dropped. */
    public void setMaxLines(int value) {
        maxLines.set(value);
    }

    public IntegerProperty maxLineLengthProperty() {
        return maxLineLength;
    }

    public int getMaxLineLength() {
        return maxLineLength.get();
    }

    /** Characters of one line drawn (default {@value #DEFAULT_MAX_LINE_LENGTH}); the rest is marked as cut. */
    public void setMaxLineLength(int value) {
        maxLineLength.set(value);
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public boolean isFollow() {
        return follow.get();
    }

    public void setFollow(boolean value) {
        follow.set(value);
    }

    public BooleanProperty wrapTextProperty() {
        return wrapText;
    }

    public boolean isWrapText() {
        return wrapText.get();
    }

    public void setWrapText(boolean value) {
        wrapText.set(value);
    }

    public BooleanProperty showTimestampsProperty() {
        return showTimestamps;
    }

    public boolean isShowTimestamps() {
        return showTimestamps.get();
    }

    public void setShowTimestamps(boolean value) {
        showTimestamps.set(value);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public String getSearchText() {
        return searchText.get();
    }

    public void setSearchText(String value) {
        searchText.set(value);
    }

    public BooleanProperty caseSensitiveProperty() {
        return caseSensitive;
    }

    public boolean isCaseSensitive() {
        return caseSensitive.get();
    }

    public void setCaseSensitive(boolean value) {
        caseSensitive.set(value);
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public boolean isRegex() {
        return regex.get();
    }

    public void setRegex(boolean value) {
        regex.set(value);
    }

    /** Shows only lines that match the search (notes stay). */
    public BooleanProperty filterModeProperty() {
        return filterMode;
    }

    public boolean isFilterMode() {
        return filterMode.get();
    }

    public void setFilterMode(boolean value) {
        filterMode.set(value);
    }

    /** Colours to draw with; null picks {@link TerminalPalette#LIGHT} or {@link TerminalPalette#DARK} from CSS. */
    public ObjectProperty<TerminalPalette> paletteProperty() {
        return palette;
    }

    public ReadOnlyObjectProperty<TerminalPalette> effectivePaletteProperty() {
        return effectivePalette.getReadOnlyProperty();
    }

    public TerminalPalette getEffectivePalette() {
        return effectivePalette.get();
    }

    private void updatePalette() {
        TerminalPalette explicit = palette.get();
        effectivePalette.set(explicit != null ? explicit : darkPalette.get() ? TerminalPalette.DARK : TerminalPalette.LIGHT);
    }

    /** The monospaced font lines are drawn in. */
    public ObjectProperty<Font> fontProperty() {
        return font;
    }

    public Font getFont() {
        return font.get();
    }

    public ReadOnlyIntegerProperty lineCountProperty() {
        return lineCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** Lines dropped to stay within the cap since the view was last cleared. */
    public ReadOnlyLongProperty droppedCountProperty() {
        return droppedCount.getReadOnlyProperty();
    }

    /** Occurrences of the search in the shown lines. */
    public ReadOnlyLongProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** Number (from 1) of the match next/previous is on; 0 when none. */
    public ReadOnlyLongProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    /** Why the search expression is invalid, or null. */
    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    /** Lines that arrived since following stopped. */
    public ReadOnlyLongProperty newWhileAwayProperty() {
        return newWhileAway.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty appearanceProperty() {
        return appearance.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty revealIndexProperty() {
        return revealIndex.getReadOnlyProperty();
    }

    // ---- skin and CSS --------------------------------------------------------------------------

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LogViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    private static final CssMetaData<LogView, Boolean> DARK_PALETTE = new CssMetaData<>("-log-dark-palette",
            StyleConverter.getBooleanConverter(), false) {
        @Override
        public boolean isSettable(LogView view) {
            return !view.darkPalette.isBound();
        }

        @Override
        public StyleableProperty<Boolean> getStyleableProperty(LogView view) {
            return view.darkPalette;
        }
    };

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Control.getClassCssMetaData());
        list.add(DARK_PALETTE);
        CSS_META_DATA = List.copyOf(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
