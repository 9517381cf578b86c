package dev.berth.app.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items from any thread and hands them to the UI in batches: at most one hand-over is
 * pending at a time, so a burst of a thousand events costs one UI update, not a thousand.
 * The producer never waits for the UI.
 */
public final class UiBatcher<T> {

    private final UiThread ui;
    private final Consumer<List<T>> sink;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public UiBatcher(UiThread ui, Consumer<List<T>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    public void add(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            ui.run(this::flush);
        }
    }

    private void flush() {
        // Cleared before draining, so an item added while draining schedules the next batch.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
