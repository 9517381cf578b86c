package dev.berth.engine;

import java.time.Instant;
import java.util.List;

/**
 * Where the connection to the engine stands. Immutable: every change publishes a new state.
 *
 * @param phase       connecting, connected or disconnected
 * @param info        the engine, when connected
 * @param attempts    what was tried last and why each failed, when disconnected
 * @param nextAttempt when the next retry is due, when disconnected
 */
public record ConnectionState(Phase phase, EngineInfo info, List<ConnectionAttempt> attempts, Instant nextAttempt) {

    public enum Phase { CONNECTING, CONNECTED, DISCONNECTED }

    public ConnectionState {
        attempts = List.copyOf(attempts);
    }

    public static ConnectionState connecting() {
        return new ConnectionState(Phase.CONNECTING, null, List.of(), null);
    }

    public static ConnectionState connected(EngineInfo info) {
        return new ConnectionState(Phase.CONNECTED, info, List.of(), null);
    }

    public static ConnectionState disconnected(List<ConnectionAttempt> attempts, Instant nextAttempt) {
        return new ConnectionState(Phase.DISCONNECTED, null, attempts, nextAttempt);
    }

    public boolean isConnected() {
        return phase == Phase.CONNECTED;
    }
}
