package dev.berth.engine;

import java.util.List;

/**
 * What an image prune would remove, shown before asking.
 *
 * @param images         the images that would go
 * @param reclaimedBytes the space that would come back: each image's size not shared with images that stay
 */
public record PrunePlan(List<ImageSummary> images, long reclaimedBytes) {

    public PrunePlan {
        images = List.copyOf(images);
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }
}
