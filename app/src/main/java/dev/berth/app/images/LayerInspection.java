package dev.berth.app.images;

import dev.berth.app.common.AppServices;

/**
 * Where "Inspect layers" goes. HOOK: the layer inspector (dev.berth.app.layers) is built
 * separately; once {@code LayerInspectorWindow.open(services, imageRef)} is on main, call it here
 * and drop the message.
 */
final class LayerInspection {

    private LayerInspection() {
    }

    /** Whether the layer inspector is part of this build (the button is hidden while it is not). */
    static boolean available() {
        return false;
    }

    static void open(AppServices services, String imageRef) {
        services.notifier().show("Layer inspector", "The layer inspector is not part of this build yet ("
                + imageRef + ").", false);
    }
}
