package dev.berth.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the engine does in its own time, checking often instead of sleeping long. */
public final class Await {

    /** A busy shared engine can take longer than 15 s for a change to show. */
    private static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
