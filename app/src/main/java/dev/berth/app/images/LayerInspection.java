package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.layers.LayerInspectorWindow;

/** Where "Inspect layers" goes: the layer inspector's own window for the image. */
final class LayerInspection {

    private LayerInspection() {
    }

    /** Whether the layer inspector is part of this build. */
    static boolean available() {
        return true;
    }

    static void open(AppServices services, String imageRef) {
        LayerInspectorWindow.open(services, imageRef);
    }
}
