package dev.berth.app.stats;

import dev.berth.app.common.AppServices;
import dev.berth.app.concurrent.UiThread;
import dev.berth.engine.ContainerState;
import dev.berth.engine.Subscription;
import dev.berth.stats.StatsHub;
import dev.berth.stats.StatsSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Keeps a table's CPU and memory cells live: watches the shared stats stream ({@link StatsHub})
 * of every running container in {@code rows}, and hands each row its newest sample on the UI
 * thread, all rows together once a second however the samples arrived, spread over a few frames
 * when more than {@link #ROWS_PER_FRAME} rows on screen change (and then every few seconds, so
 * live numbers cost the window about one frame a second). A row that stops or leaves the list
 * stops being watched (and gets {@code null}); closing this stops everything.
 *
 * <pre>{@code
 * LiveRowStats<ContainerRow> live = new LiveRowStats<>(services, model.rows(), ContainerRow::id,
 *         ContainerRow::stateProperty, (row, sample) -> row.show(sample));   // true: it repainted
 * }</pre>
 *
 * @param <R> the row type
 */
public final class LiveRowStats<R> implements AutoCloseable {

    private static final long TICK_MILLIS = 1000;
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "berth-table-stats");
        t.setDaemon(true);
        return t;
    });

    /**
     * At most this many containers are watched at once (each is an engine stream, a connection
     * and a thread); further running rows show no numbers until a watched one stops.
     */
    public static final int MAX_WATCHED = 64;

    /**
     * Rows changed on screen per frame. JavaFX repaints a table whole when more than 12 of its rows
     * changed since the last frame, so a second's updates are spread over a few frames, each
     * repainting only the changed cells.
     */
    static final int ROWS_PER_FRAME = 10;

    /** Time between two parts of one hand-over: long enough for a frame to be drawn between them. */
    private static final long FRAME_GAP_MILLIS = 50;

    private final StatsHub hub;
    private final ObservableList<R> rows;
    private final Function<R, String> idOf;
    private final Function<R, ObservableValue<ContainerState>> stateOf;
    /** Shows a sample on a row (null: no numbers); true when that changed something on screen. */
    private final BiPredicate<R, StatsSample> apply;
    private final UiThread ui;
    /** Newest sample per row since the last hand-over; written by stream threads. */
    private final Map<Object, Update> pending = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> ticker;
    private final Map<R, Watch> watches = new IdentityHashMap<>();
    private final Map<R, ChangeListener<ContainerState>> stateListeners = new IdentityHashMap<>();
    private final ListChangeListener<R> rowsListener = this::rowsChanged;
    /** When the last hand-over was made, and the next may be (System.nanoTime). */
    private volatile long handedOverAt;
    private volatile long nextHandOver;
    /** Frames the current hand-over has changed cells in so far (UI thread only). */
    private int framesUsed;
    /** Updates handed over and not applied yet (UI thread only). */
    private final ArrayDeque<Update> toApply = new ArrayDeque<>();
    /** True while a hand-over is being applied, a part per frame (UI thread only). */
    private boolean applying;
    private boolean closed;

    private record Update(Object row, Watch watch, StatsSample sample) {
    }

    /** One watched row: its subscription, identified so late samples of an old watch are ignored. */
    private static final class Watch {
        private Subscription subscription;
    }

    public LiveRowStats(AppServices services, ObservableList<R> rows, Function<R, String> idOf,
                        Function<R, ObservableValue<ContainerState>> stateOf, BiPredicate<R, StatsSample> apply) {
        this.hub = StatsHub.of(services.engine());
        this.rows = rows;
        this.idOf = idOf;
        this.stateOf = stateOf;
        this.apply = apply;
        this.ui = services.executor().ui();
        // Samples of different containers arrive spread over each second: hand them to the table
        // together once a second, so it redraws once, not once per container.
        this.ticker = TICKS.scheduleWithFixedDelay(this::handOver, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        rows.addListener(rowsListener);
        rows.forEach(this::track);
    }

    /** Containers whose stream is watched now (running rows in the list). */
    public int watchedCount() {
        return watches.size();
    }

    private void rowsChanged(ListChangeListener.Change<? extends R> c) {
        while (c.next()) {
            if (c.wasRemoved()) {
                for (R row : c.getRemoved()) {
                    if (!rows.contains(row)) {
                        untrack(row);
                    }
                }
            }
            if (c.wasAdded()) {
                c.getAddedSubList().forEach(this::track);
            }
        }
    }

    private void track(R row) {
        if (closed || stateListeners.containsKey(row)) {
            return;
        }
        ChangeListener<ContainerState> listener = (obs, was, now) -> stateChanged(row, now);
        stateListeners.put(row, listener);
        stateOf.apply(row).addListener(listener);
        stateChanged(row, stateOf.apply(row).getValue());
    }

    private void untrack(R row) {
        ChangeListener<ContainerState> listener = stateListeners.remove(row);
        if (listener != null) {
            stateOf.apply(row).removeListener(listener);
        }
        unwatch(row);
    }

    private void stateChanged(R row, ContainerState state) {
        boolean running = state != null && state.isRunning();
        if (running && !watches.containsKey(row) && watches.size() < MAX_WATCHED) {
            Watch watch = new Watch();
            watches.put(row, watch);
            watch.subscription = hub.watch(idOf.apply(row), sample -> pending.put(row, new Update(row, watch, sample)));
        } else if (!running && watches.containsKey(row)) {
            unwatch(row);
        }
    }

    private void unwatch(R row) {
        Watch watch = watches.remove(row);
        if (watch != null) {
            watch.subscription.close();
            apply.test(row, null);
            if (!closed && watches.size() == MAX_WATCHED - 1) {
                // A place came free: give it to a running row that waits for one.
                for (R other : stateListeners.keySet()) {
                    if (!watches.containsKey(other) && other != row) {
                        ContainerState s = stateOf.apply(other).getValue();
                        if (s != null && s.isRunning()) {
                            stateChanged(other, s);
                            break;
                        }
                    }
                }
            }
        }
    }

    private void handOver() {
        if (pending.isEmpty() || System.nanoTime() < nextHandOver) {
            return;
        }
        handedOverAt = System.nanoTime();
        List<Update> batch = new ArrayList<>();
        for (Object row : List.copyOf(pending.keySet())) {
            Update u = pending.remove(row);
            if (u != null) {
                batch.add(u);
            }
        }
        ui.run(() -> applyUpdates(batch));
    }

    private void applyUpdates(List<Update> batch) {
        toApply.addAll(batch);
        if (!applying && !toApply.isEmpty()) {
            applying = true;
            applySome();
        }
    }

    /**
     * Applies waiting updates until {@link #ROWS_PER_FRAME} of them changed something on screen
     * (rows scrolled out of view cost nothing); then the rest a frame later.
     */
    @SuppressWarnings("unchecked")
    private void applySome() {
        int shown = 0;
        while (shown < ROWS_PER_FRAME && !toApply.isEmpty()) {
            Update u = toApply.removeFirst();
            R row = (R) u.row();
            if (!closed && watches.get(row) == u.watch() && apply.test(row, u.sample().running() ? u.sample() : null)) {
                shown++;
            }
        }
        if (shown > 0) {
            framesUsed++;
        }
        if (!toApply.isEmpty() && !closed) {
            // The rest after this frame is drawn.
            TICKS.schedule(() -> ui.run(this::applySome), FRAME_GAP_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            applying = false;
            toApply.clear();
            // A hand-over that took k frames to show waits k ticks for the next: about one frame a
            // second goes to live numbers, so 12 rows on screen change every second, 24 every two.
            nextHandOver = handedOverAt + Math.max(1, framesUsed) * TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)
                    - TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS / 2);
            framesUsed = 0;
        }
    }

    /** The last five minutes of a watched container's samples (for a sparkline), oldest first. */
    public List<StatsSample> history(String containerId) {
        return hub.history(containerId);
    }

    @Override
    public void close() {
        closed = true;
        ticker.cancel(false);
        toApply.clear();
        rows.removeListener(rowsListener);
        for (R row : new java.util.ArrayList<>(stateListeners.keySet())) {
            untrack(row);
        }
    }
}
