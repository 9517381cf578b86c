package dev.berth.engine;

import java.time.Instant;
import java.util.List;

/**
 * One step of an image's history as {@code docker history} shows it, oldest first in
 * {@link LayerApi#history(String)}.
 *
 * @param id        the step's image ID when the engine still has it, else {@code "<missing>"}
 * @param createdBy the instruction as the builder recorded it
 * @param size      bytes the step's layer adds; 0 for steps without a layer (ENV, CMD...)
 */
public record ImageHistoryEntry(String id, Instant created, String createdBy, long size, String comment,
                                List<String> tags) {
}
