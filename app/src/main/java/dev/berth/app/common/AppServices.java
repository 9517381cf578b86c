package dev.berth.app.common;

import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.ConnectionState;
import dev.berth.engine.Engine;
import dev.berth.engine.Subscription;
import java.util.prefs.Preferences;
import javafx.beans.value.WritableBooleanValue;

/**
 * What every view needs: the engine facade, the background executor, the notifier, where a view
 * remembers things between runs ({@code settings}; null remembers nothing, as in tests) and how it
 * sends the user to another page.
 */
public record AppServices(Engine engine, BackgroundExecutor executor, Notifier notifier, Preferences settings,
                          Navigator navigator) {

    public AppServices(Engine engine, BackgroundExecutor executor, Notifier notifier) {
        this(engine, executor, notifier, null, Navigator.NONE);
    }

    public AppServices(Engine engine, BackgroundExecutor executor, Notifier notifier, Preferences settings) {
        this(engine, executor, notifier, settings, Navigator.NONE);
    }

    /** The same services, telling the user through {@code other}. */
    public AppServices withNotifier(Notifier other) {
        return new AppServices(engine, executor, other, settings, navigator);
    }

    /** The same services, sending the user to other pages through {@code other}. */
    public AppServices withNavigator(Navigator other) {
        return new AppServices(engine, executor, notifier, settings, other);
    }

    /**
     * Keeps {@code connected} (a property read on the UI thread) equal to whether the engine is
     * connected, until the returned subscription is closed. Call on the UI thread.
     */
    public Subscription followConnection(WritableBooleanValue connected) {
        connected.set(engine.state().isConnected());
        return engine.onStateChange(state -> executor.ui().run(() -> connected.set(state.isConnected())));
    }

    /**
     * Runs {@code action} on the UI thread now if the engine is connected, and on every reconnect,
     * until the returned subscription is closed: where a view reads its lists afresh.
     */
    public Subscription onConnected(Runnable action) {
        return engine.onStateChange(state -> {
            if (state.phase() == ConnectionState.Phase.CONNECTED) {
                executor.ui().run(action);
            }
        });
    }
}
