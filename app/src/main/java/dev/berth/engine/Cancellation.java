package dev.berth.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a user stop a long engine operation (a build, pull, push, save or load) from another
 * thread. The operation then ends with a {@link java.util.concurrent.CancellationException}.
 */
public final class Cancellation {

    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancel (at once if already cancelled); closing the handle forgets it. */
    public Subscription onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Throws if cancelled; for loops that read a stream. */
    public void check() {
        if (cancelled) {
            throw new java.util.concurrent.CancellationException("Cancelled");
        }
    }
}
