package dev.berth.engine;

import java.util.List;

/**
 * What the engine's objects hold on disk, kind by kind, as {@code docker system df} reckons it.
 *
 * @param kinds images, containers, local volumes and the build cache, in that order
 */
public record DiskUsage(List<Kind> kinds) {

    /**
     * One kind of object.
     *
     * @param name             "Images", "Containers", "Local volumes" or "Build cache"
     * @param count            how many there are
     * @param active           how many are in use (images with containers, running containers,
     *                         mounted volumes, cache entries in use)
     * @param bytes            the space they take
     * @param reclaimableBytes the part a prune of the unused ones would free
     */
    public record Kind(String name, int count, int active, long bytes, long reclaimableBytes) {
    }

    public DiskUsage {
        kinds = List.copyOf(kinds);
    }

    public long totalBytes() {
        return kinds.stream().mapToLong(Kind::bytes).sum();
    }

    public long reclaimableBytes() {
        return kinds.stream().mapToLong(Kind::reclaimableBytes).sum();
    }

    public Kind kind(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }
}
