package dev.berth.compose;

/** Hears how {@code up} goes, on the thread that runs it; hand updates to the UI in batches. */
public interface UpListener {

    UpListener NONE = (message, done, total) -> { };

    /**
     * One step started.
     *
     * @param message what is being done, e.g. "Creating network shop_default"
     * @param done    steps finished before this one
     * @param total   steps in all
     */
    void step(String message, int done, int total);
}
