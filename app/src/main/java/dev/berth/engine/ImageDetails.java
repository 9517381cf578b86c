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
        return repoTags.isEmpty() ? shortId(id) : repoTags.get(0);
    }

    /** The first 12 hex digits of an ID, as the docker CLI prints them. */
    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
