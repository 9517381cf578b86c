package dev.berth.app.layers;

import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.Cancellation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The image archive reads one inspector has running (its own image, a comparison, a cache
 * explanation), so that "Stop" and closing the window end them all.
 */
final class ArchiveReads {

    /** Background work that stops when its cancellation is cancelled. */
    interface Work<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    private final BackgroundExecutor executor;
    private final List<Cancellation> running = new CopyOnWriteArrayList<>();

    ArchiveReads(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} in the background with a cancellation of its own, forgotten once the work ends. */
    <T> void submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        running.add(cancellation);
        executor.submit(() -> work.run(cancellation), result -> {
            running.remove(cancellation);
            onSuccess.accept(result);
        }, e -> {
            running.remove(cancellation);
            onFailure.accept(e);
        });
    }

    void cancelAll() {
        for (Cancellation c : running) {
            c.cancel();
        }
        running.clear();
    }
}
