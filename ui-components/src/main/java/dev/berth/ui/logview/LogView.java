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
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Skin;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
public class LogView extends LogViewBase {

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

    public LogView() {
        getStyleClass().add("log-view");
        setFocusTraversable(false);
        searchDelay.setOnFinished(e -> applySearch());
        searchText.addListener(o -> searchDelay.playFromStart());
        caseSensitive.addListener(o -> applySearch());
        regex.addListener(o -> applySearch());
        filterMode.addListener(o -> applySearch());
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

    // ---- skin and CSS --------------------------------------------------------------------------

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LogViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
