package dev.berth.layers;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a view stop an analysis. Cancelling runs the registered actions (closing the archive
 * stream, which unblocks a read waiting on the engine) and makes the next check throw.
 */
public final class Cancellation {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // closing an already broken stream
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or at once when already cancelled. */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("Analysis cancelled");
        }
    }
}
