package dev.berth.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One image as {@code docker images} knows it.
 *
 * @param id          full ID, {@code sha256:...}
 * @param repoTags    its references ({@code repo:tag}); empty for an untagged image
 * @param repoDigests its registry digests ({@code repo@sha256:...})
 * @param created     when it was built
 * @param size        bytes on disk, shared layers included
 * @param sharedSize  bytes shared with other images, or -1 when the engine did not count them
 * @param labels      its labels
 */
public record ImageSummary(String id, List<String> repoTags, List<String> repoDigests, Instant created, long size,
                           long sharedSize, Map<String, String> labels) {

    public ImageSummary {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Untagged: {@code <none>:<none>} in {@code docker images}. */
    public boolean isDangling() {
        return repoTags.isEmpty();
    }

    /** The 12-character ID the CLI shows. */
    public String shortId() {
        return shortId(id);
    }

    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
