package dev.berth.app.containers;

import dev.berth.engine.ContainerState;
import dev.berth.ui.badge.Badge;

/** Which colour each container state gets. */
public final class StateBadges {

    private StateBadges() {
    }

    public static Badge.Tone tone(ContainerState state) {
        if (state == null) {
            return Badge.Tone.NEUTRAL;
        }
        return switch (state) {
            case RUNNING -> Badge.Tone.SUCCESS;
            case PAUSED -> Badge.Tone.WARNING;
            case RESTARTING, REMOVING -> Badge.Tone.ACCENT;
            case DEAD -> Badge.Tone.DANGER;
            case CREATED, EXITED, UNKNOWN -> Badge.Tone.NEUTRAL;
        };
    }
}
