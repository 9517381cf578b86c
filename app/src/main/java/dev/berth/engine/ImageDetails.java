package dev.berth.engine;

import java.time.Instant;
import java.util.List;

/**
 * What {@code docker image inspect} says about an image that the layer inspector needs.
 *
 * @param id         content-addressed image ID ({@code sha256:...}), the digest of its config
 * @param diffIds    the config's {@code rootfs.diff_ids}: digests of the uncompressed layers, bottom first
 * @param size       total size of the layers in bytes
 * @param workingDir the image's working directory, or "" when unset
 */
public record ImageDetails(String id, List<String> repoTags, List<String> diffIds, Instant created, long size,
                           String os, String architecture, String workingDir) {

    /** A tag to show, or the short ID when the image has none. */
    public String displayName() {
        return repoTags.isEmpty() ? ImageSummary.shortId(id) : repoTags.get(0);
    }
}
