package dev.berth.app.compose;

import dev.berth.app.common.PortLinks;
import dev.berth.compose.ComposeLabels;
import dev.berth.compose.ComposeProject;
import dev.berth.compose.ComposeService;
import dev.berth.compose.ComposeUp;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A line of a stack's services table: a service of the file, a container on the engine, or both.
 *
 * @param service   the service name
 * @param container the container's name, or empty before it is created
 * @param id        the container's ID, or null
 * @param state     its state, or null before it is created
 * @param status    the engine's status text, or "not created"
 * @param image     the image it runs (or will run)
 * @param ports     the container's ports, or the file's rules (as text) before it is created
 * @param mappings  the container's ports as the engine lists them; empty before it is created
 * @param orphan    its container's service is no longer in the file (compose's "orphan")
 */
public record ServiceRow(String service, String container, String id, ContainerState state, String status,
                         String image, String ports, List<PortMapping> mappings, boolean orphan) {

    public ServiceRow {
        mappings = List.copyOf(mappings);
    }

    /** The file's services in order, then containers of services the file no longer has. */
    static List<ServiceRow> of(ComposeProject compose, List<ContainerSummary> containers) {
        Map<String, ContainerSummary> byService = new LinkedHashMap<>();
        // Containers of "docker compose run" are one-off jobs, not the service's own container.
        containers.stream().filter(c -> !ComposeLabels.isOneOff(c))
                .forEach(c -> byService.putIfAbsent(ComposeLabels.serviceOf(c), c));
        List<ServiceRow> rows = new ArrayList<>();
        if (compose != null) {
            for (ComposeService s : compose.services()) {
                ContainerSummary c = byService.remove(s.name());
                String status = s.enabledWith(compose.profiles()) ? "not created"
                        : "off: profile " + String.join(" or ", s.profiles());
                rows.add(c != null ? of(s.name(), c, false) : new ServiceRow(s.name(), "", null, null, status,
                        ComposeUp.imageOf(compose, s), s.ports().stream().map(p -> p.toString()).collect(
                                Collectors.joining(", ")), List.of(), false));
            }
        }
        byService.forEach((service, c) -> rows.add(of(service, c, compose != null)));
        return rows;
    }

    private static ServiceRow of(String service, ContainerSummary c, boolean orphan) {
        return new ServiceRow(service, c.name(), c.id(), c.state(), c.status(), c.image(),
                PortLinks.text(PortLinks.distinct(c.ports())), c.ports(), orphan);
    }
}
