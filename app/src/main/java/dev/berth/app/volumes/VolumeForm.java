package dev.berth.app.volumes;

import java.util.Map;

/**
 * What the create form collected: checked already.
 *
 * @param name    blank for an anonymous volume
 * @param driver  the volume driver, "local" unless a plugin is named
 * @param labels  labels to set
 * @param options driver options, e.g. {@code type=tmpfs}, {@code device=tmpfs}
 */
record VolumeForm(String name, String driver, Map<String, String> labels, Map<String, String> options) {

    VolumeForm {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
    }
}
