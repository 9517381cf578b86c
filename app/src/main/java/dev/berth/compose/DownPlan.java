package dev.berth.compose;

import dev.berth.engine.ContainerSummary;
import dev.berth.engine.NetworkSummary;
import dev.berth.engine.VolumeSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What taking a stack down removes, read from the engine before asking the user.
 *
 * @param project    the compose project
 * @param containers every container of the project, running or not
 * @param networks   the networks the project created (never external ones)
 * @param volumes    the named volumes it created, when volumes go too; else empty
 * @param volumesToo volumes go too: the named ones listed and the containers' anonymous ones
 *                   ({@code down -v})
 */
public record DownPlan(String project, List<ContainerSummary> containers, List<NetworkSummary> networks,
                       List<VolumeSummary> volumes, boolean volumesToo) {

    public DownPlan {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
    }

    /** The same plan, keeping the volumes. */
    public DownPlan withoutVolumes() {
        return new DownPlan(project, containers, networks, List.of(), false);
    }

    public boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
    }

    /** One line per thing removed, for the confirmation: "Container shop-web-1 (running)". */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        containers.forEach(c -> lines.add("Container " + c.name() + " (" + c.state().word() + ")"));
        networks.forEach(n -> lines.add("Network " + n.name()));
        volumes.forEach(v -> lines.add("Volume " + v.name() + " and all its data"));
        if (volumesToo && !containers.isEmpty()) {
            lines.add("The containers' anonymous volumes and their data");
        }
        return lines;
    }
}
