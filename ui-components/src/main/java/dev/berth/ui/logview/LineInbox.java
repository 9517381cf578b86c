package dev.berth.ui.logview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Where lines wait between the thread that reads them and the FX thread: producers add batches
 * at any rate, and once per pulse (a pulse hook runs only while lines wait) everything queued is
 * handed over as one batch. Never one {@code runLater} per line, and the producer never waits.
 * If the FX thread falls far behind, the oldest queued lines are dropped (and counted): the view
 * could not keep them anyway.
 */
final class LineInbox {

    /** Receives each pulse's lines on the FX thread, with how many were dropped before reaching it. */
    interface Sink {
        void take(List<LogLine> lines, long dropped);
    }

    private final ConcurrentLinkedQueue<List<LogLine>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong droppedInQueue = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Sink sink;
    private volatile int maxLines;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    LineInbox(int maxLines, Sink sink) {
        this.maxLines = maxLines;
        this.sink = sink;
    }

    /** The view's line cap; queued lines beyond twice this are dropped. */
    void setMaxLines(int value) {
        maxLines = Math.max(1, value);
    }

    /** Any thread. */
    void add(Collection<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<LogLine> batch = List.copyOf(lines);
        queue.add(batch);
        long pending = queued.addAndGet(batch.size());
        long limit = 2L * maxLines;
        while (pending > limit) {
            List<LogLine> oldest = queue.poll();
            if (oldest == null) {
                break;
            }
            pending = queued.addAndGet(-oldest.size());
            droppedInQueue.addAndGet(oldest.size());
        }
        if (scheduled.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                pulse.start();
            } else {
                Platform.runLater(pulse::start);
            }
        }
    }

    /** FX thread: forgets what waits. */
    void clear() {
        queue.clear();
        queued.set(0);
        droppedInQueue.set(0);
    }

    private void drain() {
        // Cleared first, so a batch added while draining schedules the next pulse's drain.
        scheduled.set(false);
        List<List<LogLine>> batches = new ArrayList<>();
        int total = 0;
        for (List<LogLine> b; (b = queue.poll()) != null; ) {
            batches.add(b);
            total += b.size();
            queued.addAndGet(-b.size());
        }
        long dropped = droppedInQueue.getAndSet(0);
        if (total == 0) {
            if (queue.isEmpty() && !scheduled.get()) {
                pulse.stop();
            }
            if (dropped > 0) {
                sink.take(List.of(), dropped);
            }
            return;
        }
        // Lines the cap would drop at once are never added: skip whole batches from the front.
        int max = maxLines;
        int skip = 0;
        while (skip < batches.size() - 1 && total - batches.get(skip).size() >= max) {
            total -= batches.get(skip).size();
            dropped += batches.get(skip).size();
            skip++;
        }
        List<LogLine> lines = new ArrayList<>(total);
        for (int i = skip; i < batches.size(); i++) {
            lines.addAll(batches.get(i));
        }
        sink.take(lines, dropped);
    }
}
