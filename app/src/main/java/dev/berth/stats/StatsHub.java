package dev.berth.stats;

import com.fasterxml.jackson.core.JsonParser;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineException;
import dev.berth.engine.EngineStream;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.Subscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One live stats stream per container, shared by everyone who shows it: the containers table,
 * a details tab and a stack's totals all watch the same stream, which opens with the first
 * watcher and closes when the last one stops. Each stream keeps the last five minutes of samples
 * so a chart opened later starts full.
 *
 * <p>There is one hub per engine ({@link #of(Engine)}). Watchers are called on the stream's own
 * thread, about once a second; they hand the samples to the UI themselves.
 */
public final class StatsHub {

    /** How much history each stream keeps. */
    public static final Duration HISTORY = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(StatsHub.class.getName());
    private static final Map<Engine, StatsHub> HUBS = new WeakHashMap<>();
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final long MAX_RETRY_MILLIS = 5000;

    private final Engine engine;
    private final Map<String, Feed> feeds = new HashMap<>();

    private StatsHub(Engine engine) {
        this.engine = engine;
    }

    /** The hub of this engine (made on first use). */
    public static StatsHub of(Engine engine) {
        synchronized (HUBS) {
            return HUBS.computeIfAbsent(engine, StatsHub::new);
        }
    }

    /**
     * Calls {@code listener} with every new sample of the container until the subscription is
     * closed. The first watcher opens the stream; closing the last one closes it.
     */
    public Subscription watch(String containerId, Consumer<StatsSample> listener) {
        Feed feed;
        synchronized (this) {
            feed = feeds.computeIfAbsent(containerId, Feed::new);
            feed.listeners.add(listener);
            feed.startOnce();
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                unwatch(containerId, feed, listener);
            }
        };
    }

    private void unwatch(String containerId, Feed feed, Consumer<StatsSample> listener) {
        synchronized (this) {
            feed.listeners.remove(listener);
            if (feed.listeners.isEmpty()) {
                feeds.remove(containerId, feed);
                feed.close();
            }
        }
    }

    /** The samples of the last five minutes, oldest first; empty when nobody watches it. */
    public List<StatsSample> history(String containerId) {
        Feed feed;
        synchronized (this) {
            feed = feeds.get(containerId);
        }
        return feed == null ? List.of() : feed.history();
    }

    /** How many container streams are open. */
    public synchronized int openStreams() {
        return feeds.size();
    }

    /** One container's stream: read on its own thread, reopened when it breaks while watched. */
    private final class Feed {
        private final String containerId;
        private final List<Consumer<StatsSample>> listeners = new CopyOnWriteArrayList<>();
        private final ArrayDeque<StatsSample> history = new ArrayDeque<>();
        private volatile boolean closed;
        private volatile EngineStream stream;
        private Thread thread;
        private StatsReading previous;

        Feed(String containerId) {
            this.containerId = containerId;
        }

        void startOnce() {
            if (thread == null) {
                thread = new Thread(this::run, "berth-stats-" + ImageSummary.shortId(containerId));
                thread.setDaemon(true);
                thread.start();
            }
        }

        List<StatsSample> history() {
            synchronized (history) {
                return new ArrayList<>(history);
            }
        }

        private void run() {
            long retry = FIRST_RETRY_MILLIS;
            while (!closed) {
                boolean gone = false;
                try (EngineStream s = engine.stats().open(containerId)) {
                    stream = s;
                    if (closed) {
                        return;
                    }
                    JsonParser docs = StatsJson.parser(s.body());
                    for (StatsReading r = StatsJson.next(docs); !closed && r != null; r = StatsJson.next(docs)) {
                        publish(r);
                        retry = FIRST_RETRY_MILLIS;
                    }
                } catch (EngineException e) {
                    gone = e.isNotFound();
                } catch (Exception e) {
                    if (!closed) {
                        LOG.log(Level.FINE, "stats stream of " + containerId + " broke", e);
                    }
                } finally {
                    stream = null;
                }
                if (closed) {
                    return;
                }
                previous = null;
                if (gone) {
                    // Removed: say it no longer runs, and wait to be closed.
                    publish(new StatsReading(0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0));
                    return;
                }
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException e) {
                    return;
                }
                retry = Math.min(MAX_RETRY_MILLIS, retry * 2);
            }
        }

        private void publish(StatsReading reading) {
            StatsSample sample = StatsSample.of(reading, previous);
            previous = reading;
            synchronized (history) {
                history.addLast(sample);
                long oldest = sample.timeMillis() - HISTORY.toMillis();
                while (!history.isEmpty() && (history.peekFirst().timeMillis() < oldest || history.size() > 600)) {
                    history.removeFirst();
                }
            }
            for (Consumer<StatsSample> listener : listeners) {
                try {
                    listener.accept(sample);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A stats watcher of " + containerId + " failed", e);
                }
            }
        }

        void close() {
            closed = true;
            EngineStream s = stream;
            if (s != null) {
                s.close();
            }
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
