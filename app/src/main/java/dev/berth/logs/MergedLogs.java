package dev.berth.logs;

import dev.berth.engine.Engine;
import dev.berth.engine.LogQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Several containers' logs as one, in timestamp order (a compose stack's services, say). The
 * history is read first from every container and merged exactly; after that each container is
 * followed ({@link LogFollower}, so restarts and removals show as notes), and live lines are
 * merged in short windows, sorted by time within each.
 */
public final class MergedLogs implements AutoCloseable {

    /** A container to include, under the name shown before its lines (its service, say). */
    public record Source(String containerId, String name) {
    }

    /** A line and the index of its source in the list given to {@link #start}. */
    public record SourcedEntry(int source, LogEntry entry) {
    }

    /** Receives merged lines and per-source notes, on background threads. */
    public interface Listener {
        void entries(List<SourcedEntry> batch);

        void note(int source, LogNote note);
    }

    /** How long live lines wait to be sorted among each other's neighbours. */
    static final long WINDOW_MILLIS = 100;
    private static final Comparator<SourcedEntry> BY_TIME = Comparator.comparingLong(e -> e.entry().timeNanos());

    private final Engine engine;
    private final List<Source> sources;
    private final Listener listener;
    private final List<LogFollower> followers = new ArrayList<>();
    private final ConcurrentLinkedQueue<SourcedEntry> live = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService merger;
    private volatile boolean closed;

    private MergedLogs(Engine engine, List<Source> sources, Listener listener) {
        this.engine = engine;
        this.sources = List.copyOf(sources);
        this.listener = listener;
        this.merger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "berth-logs-merge");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts reading each container's history as {@code history} says (its tail or since; follow
     * is ignored), then follows them all.
     */
    public static MergedLogs start(Engine engine, List<Source> sources, LogQuery history, Listener listener) {
        MergedLogs merged = new MergedLogs(engine, sources, listener);
        merged.merger.execute(() -> merged.readHistory(history));
        return merged;
    }

    public List<Source> sources() {
        return sources;
    }

    private void readHistory(LogQuery history) {
        int n = sources.size();
        List<List<SourcedEntry>> read = new ArrayList<>();
        long[] last = new long[n];
        CountDownLatch done = new CountDownLatch(n);
        List<LogFollower> readers = new ArrayList<>();
        long startedAt = Timestamps.toNanos(java.time.Instant.now());
        for (int i = 0; i < n; i++) {
            int index = i;
            List<SourcedEntry> entries = new ArrayList<>();
            read.add(entries);
            last[i] = Timestamps.NONE;
            readers.add(LogFollower.start(engine, sources.get(i).containerId(),
                    history.withFollow(false).withTimestamps(true), new LogFollower.Listener() {
                        @Override
                        public void entries(List<LogEntry> batch) {
                            synchronized (entries) {
                                batch.forEach(e -> entries.add(new SourcedEntry(index, e)));
                            }
                        }

                        @Override
                        public void note(LogNote note) {
                            if (note.kind() != LogNote.Kind.EXITED) {
                                listener.note(index, note);
                            }
                        }

                        @Override
                        public void ended() {
                            done.countDown();
                        }
                    }));
        }
        try {
            if (!done.await(2, TimeUnit.MINUTES)) {
                readers.forEach(LogFollower::close);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (closed) {
            return;
        }
        List<SourcedEntry> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<SourcedEntry> entries = read.get(i);
            synchronized (entries) {
                all.addAll(entries);
                for (int k = entries.size() - 1; k >= 0; k--) {
                    if (entries.get(k).entry().hasTime()) {
                        last[i] = entries.get(k).entry().timeNanos();
                        break;
                    }
                }
            }
        }
        all.sort(BY_TIME);
        if (!all.isEmpty()) {
            listener.entries(all);
        }
        // A second before the history was read: a container with no history yet loses nothing.
        long fallback = startedAt - 1_000_000_000L;
        synchronized (this) {
            if (closed) {
                return;
            }
            for (int i = 0; i < n; i++) {
                int index = i;
                long since = last[i] == Timestamps.NONE ? fallback : last[i] + 1;
                followers.add(LogFollower.start(engine, sources.get(i).containerId(),
                        LogQuery.since(since), new LogFollower.Listener() {
                            @Override
                            public void entries(List<LogEntry> batch) {
                                batch.forEach(e -> live.add(new SourcedEntry(index, e)));
                            }

                            @Override
                            public void note(LogNote note) {
                                listener.note(index, note);
                            }
                        }));
            }
        }
        merger.scheduleWithFixedDelay(this::flushLive, WINDOW_MILLIS, WINDOW_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void flushLive() {
        List<SourcedEntry> batch = new ArrayList<>();
        for (SourcedEntry e; (e = live.poll()) != null; ) {
            batch.add(e);
        }
        if (!batch.isEmpty() && !closed) {
            batch.sort(BY_TIME);
            listener.entries(batch);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            followers.forEach(LogFollower::close);
            followers.clear();
        }
        merger.shutdownNow();
    }
}
