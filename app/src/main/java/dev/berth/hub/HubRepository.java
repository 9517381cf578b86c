package dev.berth.hub;

/**
 * One Docker Hub search result.
 *
 * @param name        the name to pull: {@code nginx} for official images, {@code bitnami/nginx} otherwise
 * @param description the short description
 * @param stars       star count
 * @param pulls       pull count, or -1 when Hub gave none
 * @param pullsText   pull count as Hub words it ("1B+") or as a number; "" when unknown
 * @param official    a Docker Official Image
 * @param verified    from a Verified Publisher
 */
public record HubRepository(String name, String description, long stars, long pulls, String pullsText,
                            boolean official, boolean verified) {
}
