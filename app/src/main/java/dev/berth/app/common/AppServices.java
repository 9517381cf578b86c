package dev.berth.app.common;

import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.Engine;
import dev.berth.engine.Subscription;
import javafx.beans.value.WritableBooleanValue;

/** What every view needs: the engine facade, the background executor and the notifier. */
public record AppServices(Engine engine, BackgroundExecutor executor, Notifier notifier) {

    /**
     * Keeps {@code connected} (a property read on the UI thread) equal to whether the engine is
     * connected, until the returned subscription is closed. Call on the UI thread.
     */
    public Subscription followConnection(WritableBooleanValue connected) {
        connected.set(engine.state().isConnected());
        return engine.onStateChange(state -> executor.ui().run(() -> connected.set(state.isConnected())));
    }
}
