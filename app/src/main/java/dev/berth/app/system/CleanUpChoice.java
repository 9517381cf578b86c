package dev.berth.app.system;

/**
 * What a clean-up removes, as chosen in its dialog. Applied in this order, as
 * {@code docker system prune} does: containers first, so what they used becomes unused.
 *
 * @param containers stopped containers
 * @param networks   networks no container is on
 * @param images     which images: none, dangling ones, or every image no container uses
 * @param buildCache build cache no build uses
 * @param volumes    volumes no container mounts (their data is gone for good)
 */
record CleanUpChoice(boolean containers, boolean networks, Images images, boolean buildCache, boolean volumes) {

    enum Images { NONE, DANGLING, UNUSED }

    boolean isEmpty() {
        return !containers && !networks && images == Images.NONE && !buildCache && !volumes;
    }
}
