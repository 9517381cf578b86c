package dev.berth.engine;

import java.time.Duration;
import java.util.List;

/**
 * A container's health check, as {@code docker run --health-cmd} and its friends set it.
 *
 * @param test        {@code ["CMD", exe, args...]}, {@code ["CMD-SHELL", line]}, {@code ["NONE"]}
 *                    to turn off the image's own check, or empty to keep the image's test with
 *                    these timings
 * @param interval    time between checks, or null for the engine's default (30 s)
 * @param timeout     how long one check may run, or null for the default (30 s)
 * @param startPeriod time to start up in which failures do not count, or null for none
 * @param retries     failures in a row that make the container unhealthy, or 0 for the default (3)
 */
public record HealthCheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {

    public HealthCheck {
        test = List.copyOf(test);
    }

    /** Turns off a check the image declares. */
    public static HealthCheck none() {
        return new HealthCheck(List.of("NONE"), null, null, null, 0);
    }
}
