package dev.berth.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create a container from. Immutable; the {@code with} methods return changed copies.
 *
 * @param image   image reference
 * @param name    container name, or null for an engine-chosen one
 * @param command command and arguments, or empty for the image's default
 * @param labels  labels to set
 */
public record ContainerSpec(String image, String name, List<String> command, Map<String, String> labels) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        labels = Map.copyOf(labels);
    }

    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, null, List.of(), Map.of());
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(image, newName, command, labels);
    }

    public ContainerSpec withCommand(String... args) {
        return new ContainerSpec(image, name, List.of(args), labels);
    }

    public ContainerSpec withLabel(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return new ContainerSpec(image, name, command, copy);
    }
}
