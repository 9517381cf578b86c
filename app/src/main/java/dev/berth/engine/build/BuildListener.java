package dev.berth.engine.build;

/**
 * Hears a build as it runs, on the thread reading the engine's stream: hand work to the UI in
 * batches, never block.
 */
public interface BuildListener {

    /** Ignores everything. */
    BuildListener NONE = new BuildListener() {
    };

    /** A step started, finished, was found in the cache or failed (a new snapshot of it). */
    default void step(BuildStep step) {
    }

    /**
     * A line of output: a RUN's output or a builder message.
     *
     * @param stepKey the step it belongs to ({@link BuildStep#key()}), or null for the build as a whole
     */
    default void output(String stepKey, String line) {
    }
}
