package dev.berth.layers;

import java.time.Instant;

/**
 * One build step of an image, joined with the layer it made (if any).
 *
 * @param number      1 for the oldest step
 * @param layerIndex  index into the image's layers, or -1 for a step without a layer (ENV, CMD...)
 * @param size        bytes the step's layer holds (0 without a layer)
 */
public record ImageStep(int number, Instruction instruction, String createdBy, Instant created, long size,
                        int layerIndex, String diffId, String chainId, String comment) {

    public boolean isEmpty() {
        return layerIndex < 0;
    }
}
