package dev.berth.layers;

import dev.berth.engine.ImageDetails;
import java.util.List;

/**
 * Everything the inspector knows about one image after reading its archive once.
 *
 * @param steps     every build step, oldest first, empty ones included
 * @param stack     the layers' file indexes, bottom first
 * @param warnings  what was wrong with the archive; empty for a healthy image
 * @param complete  false when some layer could not be read whole (the view says so)
 */
public record ImageAnalysis(ImageDetails image, List<ImageStep> steps, LayerStack stack, Efficiency efficiency,
                            List<String> warnings, boolean complete) {

    public LayerFiles layer(int index) {
        return stack.layers().get(index);
    }

    /** The step that made layer {@code index}, or null when the history lists fewer steps. */
    public ImageStep stepOfLayer(int index) {
        for (ImageStep step : steps) {
            if (step.layerIndex() == index) {
                return step;
            }
        }
        return null;
    }

    public List<String> diffIds() {
        return image.diffIds();
    }
}
