package dev.berth.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code docker ps -a}: what the containers list shows without inspecting.
 */
public record ContainerSummary(String id, String name, String image, String imageId, ContainerState state,
                               String status, List<PortMapping> ports, Instant created,
                               Map<String, String> labels, String command) {

    public static final String COMPOSE_PROJECT_LABEL = "com.docker.compose.project";

    public ContainerSummary {
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The compose project this container belongs to, or null. */
    public String composeProject() {
        return labels.get(COMPOSE_PROJECT_LABEL);
    }
}
