package dev.berth.app.shell;

import dev.berth.app.concurrent.UiThread;
import dev.berth.engine.ConnectionAttempt;
import dev.berth.engine.ConnectionState;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineInfo;
import dev.berth.engine.Subscription;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The engine connection as the status bar and the disconnected banner show it. */
public final class ConnectionViewModel implements AutoCloseable {

    private final Engine engine;
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.connecting());
    private final ObservableList<ConnectionAttempt> attempts = FXCollections.observableArrayList();
    private final Subscription subscription;

    public ConnectionViewModel(Engine engine, UiThread ui) {
        this.engine = engine;
        this.subscription = engine.onStateChange(s -> ui.run(() -> apply(s)));
    }

    private void apply(ConnectionState newState) {
        state.set(newState);
        attempts.setAll(newState.attempts());
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<ConnectionAttempt> attempts() {
        return attempts;
    }

    public void retryNow() {
        engine.retryNow();
    }

    /** The status bar's words for a state, e.g. "Disconnected · retrying in 3 s". */
    public static String headline(ConnectionState s, Instant now) {
        return switch (s.phase()) {
            case CONNECTING -> "Connecting…";
            case CONNECTED -> "Connected";
            case DISCONNECTED -> {
                long seconds = s.nextAttempt() == null ? 0
                        : Math.max(0, (Duration.between(now, s.nextAttempt()).toMillis() + 999) / 1000);
                yield seconds == 0 ? "Disconnected · retrying…" : "Disconnected · retrying in " + seconds + " s";
            }
        };
    }

    /** "desktop-1 · Docker Engine 20.10.24 · API 1.41 · linux/amd64", or "" when not connected. */
    public static String engineText(ConnectionState s) {
        EngineInfo info = s.info();
        return info == null ? "" : info.name() + " · " + info.summary();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
