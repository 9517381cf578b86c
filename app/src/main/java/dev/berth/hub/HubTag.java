package dev.berth.hub;

import java.time.Instant;

/**
 * A tag of a Docker Hub repository.
 *
 * @param name        the tag
 * @param size        compressed size in bytes (the largest platform's), or 0 when unknown
 * @param lastUpdated when it was last pushed, or null
 */
public record HubTag(String name, long size, Instant lastUpdated) {
}
