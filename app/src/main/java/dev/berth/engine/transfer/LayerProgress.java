package dev.berth.engine.transfer;

/**
 * One layer of a pull or push as the engine last reported it.
 *
 * @param id      the layer's short ID as the engine names it
 * @param status  the engine's words: "Downloading", "Extracting", "Pull complete", "Already exists", "Pushed", ...
 * @param phase   where that puts the layer
 * @param current bytes done in the current phase
 * @param total   bytes of the current phase, or 0 when unknown
 */
public record LayerProgress(String id, String status, Phase phase, long current, long total) {

    /** Stages a layer goes through; both pulls and pushes use a subset. */
    public enum Phase {
        WAITING, DOWNLOADING, VERIFYING, EXTRACTING, PUSHING, DONE, ALREADY_THERE;

        public boolean isFinished() {
            return this == DONE || this == ALREADY_THERE;
        }
    }

    /** This layer's share of its own work done, 0 to 1: downloading counts 70 %, extracting 30 %. */
    public double fraction() {
        double part = total > 0 ? Math.min(1.0, (double) current / total) : 0;
        return switch (phase) {
            case WAITING -> 0;
            case DOWNLOADING -> 0.7 * part;
            case VERIFYING -> 0.7;
            case EXTRACTING -> 0.7 + 0.3 * part;
            case PUSHING -> part;
            case DONE, ALREADY_THERE -> 1;
        };
    }
}
