package dev.berth.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One network as {@code docker network ls} knows it, with the containers attached to it.
 *
 * @param subnets  the address ranges its IPAM hands out, each with its gateway
 * @param attached every container (running or stopped) configured on it
 */
public record NetworkSummary(String id, String name, String driver, String scope, Instant created, boolean internal,
                             boolean attachable, boolean ipv6, List<Subnet> subnets, Map<String, String> labels,
                             List<Attachment> attached) {

    /** The networks the engine makes itself (the last two in swarm mode); they are not Berth's to remove. */
    private static final Set<String> BUILT_IN = Set.of("bridge", "host", "none", "docker_gwbridge", "ingress");

    /** An address range and its gateway (empty when the engine picks it). */
    public record Subnet(String subnet, String gateway) {
    }

    /**
     * A container on the network.
     *
     * @param containerId its full ID
     * @param container   its name
     * @param address     its IPv4 address there, empty while it is not running
     */
    public record Attachment(String containerId, String container, boolean running, String address) {
    }

    public NetworkSummary {
        subnets = List.copyOf(subnets);
        labels = Map.copyOf(labels);
        attached = List.copyOf(attached);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(name);
    }

    public boolean isInUse() {
        return !attached.isEmpty();
    }

    /** Containers attached and running: the engine will not remove the network while there are any. */
    public List<String> running() {
        return attached.stream().filter(Attachment::running).map(Attachment::container).toList();
    }

    public List<String> containerNames() {
        return attached.stream().map(Attachment::container).toList();
    }
}
