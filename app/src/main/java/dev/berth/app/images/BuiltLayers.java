package dev.berth.app.images;

import dev.berth.app.common.Formats;
import dev.berth.engine.Engine;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.build.BuildStep;
import dev.berth.layers.BuildLayers;
import dev.berth.layers.ImageStep;
import dev.berth.layers.LayerInspector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The layer each step of a finished BuildKit build made, as the steps table's Result column shows it. */
final class BuiltLayers {

    private BuiltLayers() {
    }

    /** Engine calls: run in the background. Keyed by build step key; steps without a layer are absent. */
    static Map<String, String> of(Engine engine, String image, List<BuildStep> steps) {
        List<ImageStep> imageSteps = new LayerInspector(engine.layers()).overview(image).steps();
        Map<String, String> out = new HashMap<>();
        BuildLayers.match(steps, imageSteps).forEach((key, step) -> out.put(key, ImageSummary.shortId(step.diffId())
                + " · " + Formats.bytes(step.size())));
        return out;
    }
}
