package dev.berth.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Reads something from the engine in the background and hands it to the UI thread. Requests that
 * come while a read runs make one more read after it: never two at once, and the last answer
 * applied is never older than the last request. A failure is reported while the engine is
 * connected (a lost engine has its own banner).
 *
 * @param <T> what one read returns
 */
public final class Reload<T> {

    private final AppServices services;
    private final Callable<T> read;
    private final Consumer<T> apply;
    private final String failure;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private boolean again;

    /**
     * @param read    runs in the background
     * @param apply   runs on the UI thread with what was read
     * @param failure the notice's title when a read fails, e.g. "Could not list volumes"
     */
    public Reload(AppServices services, Callable<T> read, Consumer<T> apply, String failure) {
        this.services = services;
        this.read = read;
        this.apply = apply;
        this.failure = failure;
    }

    /** Asks for a read. Call on the UI thread. */
    public void request() {
        if (running.get()) {
            again = true;
            return;
        }
        running.set(true);
        services.executor().submit(read, value -> {
            try {
                apply.accept(value);
            } finally {
                done();
            }
        }, error -> {
            done();
            if (services.engine().state().isConnected()) {
                services.notifier().error(failure, error);
            }
        });
    }

    /** True while a read runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    private void done() {
        running.set(false);
        if (again) {
            again = false;
            request();
        }
    }
}
