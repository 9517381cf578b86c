package dev.berth.app.concurrent;

import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.List;

/**
 * The one place engine work runs: a small pool of named daemon threads (they never keep the JVM
 * alive after the window closes), with results delivered on the {@link UiThread}.
 */
public final class BackgroundExecutor implements AutoCloseable {

    private static final int THREADS = 8;

    private final ExecutorService pool;
    private final UiThread ui;

    private BackgroundExecutor(ExecutorService pool, UiThread ui) {
        this.pool = pool;
        this.ui = ui;
    }

    /** The application's executor: background threads, callbacks on the FX thread. */
    public static BackgroundExecutor forFx() {
        return withUi(UiThread.fx());
    }

    /** Background threads with callbacks handed to the given UI thread. */
    public static BackgroundExecutor withUi(UiThread ui) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "berth-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new BackgroundExecutor(pool, ui);
    }

    /** Runs everything on the calling thread; for view-model tests without a window. */
    public static BackgroundExecutor sameThread() {
        return new BackgroundExecutor(new SameThreadExecutor(), UiThread.direct());
    }

    public UiThread ui() {
        return ui;
    }

    /**
     * Runs {@code work} in the background; exactly one of the callbacks is then called on the UI
     * thread.
     */
    public <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return pool.submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                ui.run(() -> onFailure.accept(e));
                return;
            }
            ui.run(() -> onSuccess.accept(result));
        });
    }

    /** Fire-and-forget background work whose failure is handed to {@code onFailure} on the UI thread. */
    public Future<?> run(Runnable work, Consumer<Throwable> onFailure) {
        return submit(() -> {
            work.run();
            return null;
        }, ignored -> { }, onFailure);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class SameThreadExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
