package dev.berth.engine;

import java.util.Locale;

/** The engine's container states, as {@code docker ps} reports them. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

    public static ContainerState of(String engineState) {
        if (engineState == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(engineState.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Lower-case word the engine uses ("running"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isRunning() {
        return this == RUNNING || this == RESTARTING;
    }
}
