package dev.berth.logs;

import dev.berth.engine.ConnectionState;
import dev.berth.engine.ContainerState;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.EngineException;
import dev.berth.engine.EngineStream;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.LogQuery;
import dev.berth.engine.LogTarget;
import dev.berth.engine.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows one container's log the way a person would want {@code docker logs -f} to: through
 * stops, restarts and lost connections. When the container stops, a note says so and the follower
 * waits for it to start again (the engine's events tell it), then continues from the last line it
 * saw, without repeating any. Removal ends it with a note, never with an exception.
 *
 * <p>Continuing exactly needs the engine's timestamps, which cost the engine about 40% more CPU
 * per line. So when the caller does not need every line's time and asks for the whole log (or
 * all since a moment), the history is read without them, up to the time of the last line logged
 * (asked for first), and only what comes after is read with timestamps. A history read that
 * breaks off is read again and skipped to where it stopped: bounded by since and until, it is
 * the same bytes.
 *
 * <p>Everything runs on the follower's own daemon thread; the listener is called there, with
 * lines in batches of one network read each. Close it when its view goes away.
 */
public final class LogFollower implements AutoCloseable {

    /** Receives lines and notes on the follower's thread. */
    public interface Listener {
        void entries(List<LogEntry> batch);

        void note(LogNote note);

        /** The follower ended (container removed, failure, or closed); called once. */
        default void ended() {
        }
    }

    private static final Logger LOG = Logger.getLogger(LogFollower.class.getName());
    private static final Set<String> LIFECYCLE = Set.of("start", "die", "destroy", "restart", "kill", "stop");
    private static final Object CONNECTED = new Object();

    private enum Outcome { ENDED, BROKEN, CLOSED }

    /** Reading the history without timestamps: first where it ends, then the lines up to there. */
    private enum Plain { NOT_USED, FIND_END, READ }

    private final Engine engine;
    private final String containerId;
    private final LogQuery firstQuery;
    private Plain plain;
    private final boolean historyWithoutTimes;
    /** The plain history's read, kept across a break so the next one continues it. */
    private LogRead history;
    private final Listener listener;
    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile EngineStream current;
    private long lastTime = Timestamps.NONE;
    private final List<LogEntry> pending = new ArrayList<>();

    private LogFollower(Engine engine, String containerId, LogQuery query, Listener listener) {
        this.engine = engine;
        this.containerId = containerId;
        this.firstQuery = query.withTimestamps(true);
        this.plain = query.timestamps() || query.tail() != LogQuery.ALL ? Plain.NOT_USED : Plain.FIND_END;
        this.historyWithoutTimes = plain != Plain.NOT_USED;
        this.listener = listener;
        this.thread = new Thread(this::run, "berth-logs-" + ImageSummary.shortId(containerId));
        this.thread.setDaemon(true);
    }

    /**
     * Starts following. With {@code query.timestamps()} every line carries the time the engine
     * logged it; without, lines of a long history may come without (see the class comment).
     */
    public static LogFollower start(Engine engine, String containerId, LogQuery query, Listener listener) {
        LogFollower follower = new LogFollower(engine, containerId, query, listener);
        follower.subscriptions.add(engine.onEvent(follower::onEvent));
        follower.subscriptions.add(engine.onStateChange(state -> {
            if (state.phase() == ConnectionState.Phase.CONNECTED) {
                follower.signals.offer(CONNECTED);
            }
        }));
        follower.thread.start();
        return follower;
    }

    public String containerId() {
        return containerId;
    }

    /** True when this follower reads the history without timestamps (its lines come without times). */
    public boolean historyWithoutTimes() {
        return historyWithoutTimes;
    }

    private void onEvent(EngineEvent event) {
        if (event.isAbout("container") && LIFECYCLE.contains(event.baseAction())
                && (containerId.equals(event.id()) || event.id() != null && event.id().startsWith(containerId))) {
            signals.offer(event);
        }
    }

    private void run() {
        try {
            follow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "Following the log of " + containerId + " failed", e);
                note(LogNote.Kind.FAILED, "Stopped following the log: " + ErrorMessages.describe(e));
            }
        } finally {
            if (!closed) {
                listener.ended();
            }
        }
    }

    private void follow() throws InterruptedException {
        boolean first = true;
        while (!closed) {
            Optional<LogTarget> target = inspect();
            if (target == null) {
                continue; // the engine was away; inspect() waited for it
            }
            if (target.isEmpty()) {
                note(LogNote.Kind.REMOVED, first ? "No such container" : "Container removed");
                return;
            }
            LogTarget before = target.get();
            first = false;
            signals.clear();
            boolean historyStep = plain != Plain.NOT_USED;
            Outcome outcome = historyStep ? readPlainHistory(before) : readTimestamped(before);
            if (outcome == Outcome.CLOSED || closed) {
                return;
            }
            if (outcome == Outcome.BROKEN) {
                if (inspect() != null) {
                    // The engine is still there: a passing fault. Try again shortly.
                    waitForSignal(500);
                }
                continue;
            }
            if (historyStep) {
                continue; // on to the next step: the history up to its end, or the live lines
            }
            if (!firstQuery.follow()) {
                return;
            }
            if (!afterStreamEnded(before)) {
                return;
            }
        }
    }

    private Outcome readTimestamped(LogTarget target) {
        LogQuery query = lastTime == Timestamps.NONE ? firstQuery
                : firstQuery.withTail(LogQuery.ALL).withUntil(LogQuery.LATEST)
                        .withSince(lastTime + 1);
        return read(new LogRead(target.tty(), query, pending::add), false);
    }

    /**
     * One step of the plain history: find the time of the last line logged (the history's end),
     * then read up to it without timestamps. Afterwards {@link #lastTime} is that end, and
     * reading goes on with timestamps.
     */
    private Outcome readPlainHistory(LogTarget target) {
        if (plain == Plain.FIND_END) {
            List<LogEntry> lines = new ArrayList<>();
            Outcome outcome = read(new LogRead(target.tty(), firstQuery.withFollow(false).withTail(1), lines::add), false);
            if (outcome != Outcome.ENDED) {
                return outcome;
            }
            long end = lines.stream().mapToLong(LogEntry::timeNanos).max().orElse(Timestamps.NONE);
            if (end == Timestamps.NONE) {
                plain = Plain.NOT_USED; // nothing logged yet: everything comes live
                return Outcome.ENDED;
            }
            history = new LogRead(target.tty(), firstQuery.withFollow(false).withTimestamps(false).withUntil(end),
                    pending::add);
            plain = Plain.READ;
        }
        Outcome outcome = read(history, history.started());
        if (outcome == Outcome.ENDED) {
            lastTime = Math.max(lastTime, history.query().untilNanos());
            history = null;
            plain = Plain.NOT_USED;
        }
        return outcome;
    }

    /**
     * The stream ended: the container stopped, restarted or went away. Returns true to read on.
     */
    private boolean afterStreamEnded(LogTarget before) throws InterruptedException {
        while (!closed) {
            Optional<LogTarget> after = inspect();
            if (after == null) {
                return true;
            }
            if (after.isEmpty()) {
                note(LogNote.Kind.REMOVED, "Container removed");
                return false;
            }
            LogTarget now = after.get();
            if (now.state().isRunning()) {
                if (now.startedAt().isAfter(before.startedAt())) {
                    note(LogNote.Kind.STARTED, "Container restarted");
                    return true;
                }
                // Same run still marked running: the stop is under way. Wait for the engine to say.
                waitForSignal(1000);
                continue;
            }
            if (now.state() == ContainerState.REMOVING
                    || now.state() == ContainerState.DEAD) {
                waitForSignal(1000);
                continue;
            }
            note(LogNote.Kind.EXITED, now.state() == ContainerState.CREATED
                    ? "Container has not started yet" : "Container exited with code " + now.exitCode());
            // Wait for it to start again (or be removed); events say when, inspect says what.
            while (!closed) {
                Object signal = signals.take();
                if (signal instanceof EngineEvent event) {
                    if ("destroy".equals(event.baseAction())) {
                        note(LogNote.Kind.REMOVED, "Container removed");
                        return false;
                    }
                    if ("start".equals(event.baseAction())) {
                        note(LogNote.Kind.STARTED, "Container started");
                        return true;
                    }
                } else if (signal == CONNECTED) {
                    // Reconnected while waiting: the container may have started meanwhile.
                    Optional<LogTarget> again = inspect();
                    if (again != null && (again.isEmpty() || again.get().state().isRunning())) {
                        break;
                    }
                }
            }
            before = now;
        }
        return false;
    }

    /**
     * Inspects the container; null when the engine is unreachable, after waiting for it to come
     * back (with notes on both sides).
     */
    private Optional<LogTarget> inspect() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.logs().target(containerId);
            } catch (EngineException e) {
                if (e.isUnreachable() || !engine.state().isConnected()) {
                    break;
                }
                if (attempt >= 3) {
                    throw e;
                }
                // A passing failure (or one racing with a lost connection): look again shortly.
                waitForSignal(300);
            }
        }
        note(LogNote.Kind.ENGINE_LOST, "Lost the connection to the engine; following again once it is back");
        while (!closed && !engine.state().isConnected()) {
            signals.poll(1, TimeUnit.SECONDS);
        }
        if (!closed) {
            note(LogNote.Kind.RECONNECTED, "Connected to the engine again");
        }
        return null;
    }

    /**
     * Reads one engine stream for {@code reading}; with {@code continuing}, it goes on from where
     * the last stream for it broke off.
     */
    private Outcome read(LogRead reading, boolean continuing) {
        LogDecoder decoder = reading.decoder();
        try (EngineStream stream = engine.logs().open(containerId, reading.query())) {
            current = stream;
            if (closed) {
                return Outcome.CLOSED;
            }
            if (!reading.pump(stream.body(), continuing, this::deliver)) {
                note(LogNote.Kind.TRUNCATED, "The log changed on the engine while it was read again (its files "
                        + "were rotated): some earlier lines may be missing here");
            }
            decoder.finish();
            deliver();
            if (decoder.truncated()) {
                note(LogNote.Kind.TRUNCATED, "The engine's log stream ended in the middle of a message");
            }
            return closed ? Outcome.CLOSED : Outcome.ENDED;
        } catch (IOException | UncheckedIOException | EngineException e) {
            if (closed) {
                return Outcome.CLOSED;
            }
            if (e instanceof EngineException ee && !ee.isUnreachable()) {
                throw ee;
            }
            if (reading != history) {
                decoder.finish();
                deliver();
            }
            return Outcome.BROKEN;
        } finally {
            current = null;
        }
    }

    /** Hands the lines decoded so far to the listener as one batch. */
    private void deliver() {
        if (pending.isEmpty()) {
            return;
        }
        List<LogEntry> batch = new ArrayList<>(pending);
        pending.clear();
        if (closed) {
            return;
        }
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i).hasTime()) {
                lastTime = Math.max(lastTime, batch.get(i).timeNanos());
                break;
            }
        }
        listener.entries(batch);
    }

    private void waitForSignal(long millis) throws InterruptedException {
        signals.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void note(LogNote.Kind kind, String text) {
        if (!closed) {
            listener.note(LogNote.now(kind, text));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.forEach(Subscription::close);
        EngineStream stream = current;
        if (stream != null) {
            stream.close();
        }
        thread.interrupt();
    }
}
