package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Network operations of the {@link Engine} facade. */
public final class NetworkApi {

    private static final String BY_NAME = "name:";

    private final Engine engine;

    NetworkApi(Engine engine) {
        this.engine = engine;
    }

    /**
     * Every network, each with the containers attached to it (the engine's list leaves them out,
     * and its inspect counts running containers only).
     */
    public List<NetworkSummary> list() {
        Map<String, List<NetworkSummary.Attachment>> attached = attachments();
        List<NetworkSummary> out = new ArrayList<>();
        for (JsonNode n : engine.http(http -> http.getTree("/networks"))) {
            List<NetworkSummary.Attachment> on = new ArrayList<>(attached.getOrDefault(n.path("Id").asText(), List.of()));
            on.addAll(attached.getOrDefault(BY_NAME + n.path("Name").asText(), List.of()));
            on.sort(Comparator.comparing(NetworkSummary.Attachment::container));
            out.add(summary(n, on));
        }
        return out;
    }

    /** The engine's inspect document of one network, as JSON text. */
    public String inspect(String id) {
        return engine.http(http -> http.getTree("/networks/" + id)).toPrettyString();
    }

    /** Creates a network; returns its ID. The subnet and gateway may be blank (the engine picks). */
    public String create(String name, String driver, String subnet, String gateway, boolean internal,
                         boolean attachable, Map<String, String> labels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name);
        body.put("CheckDuplicate", true);
        body.put("Driver", driver == null || driver.isBlank() ? "bridge" : driver);
        body.put("Internal", internal);
        body.put("Attachable", attachable);
        body.put("Labels", labels);
        if (subnet != null && !subnet.isBlank()) {
            Map<String, String> range = new LinkedHashMap<>();
            range.put("Subnet", subnet.strip());
            if (gateway != null && !gateway.isBlank()) {
                range.put("Gateway", gateway.strip());
            }
            body.put("IPAM", Map.of("Driver", "default", "Config", List.of(range)));
            if (subnet.contains(":")) {
                body.put("EnableIPv6", true); // without it the engine ignores an IPv6 range
            }
        }
        return engine.http(http -> http.postJson("/networks/create", null, body)).path("Id").asText();
    }

    /**
     * Removes a network. The engine refuses while a running container is attached, but not for
     * stopped ones: they then fail to start.
     */
    public void remove(String id) {
        engine.run(c -> c.removeNetworkCmd(id).exec());
    }

    /**
     * Connects a container to a network (running or not: a stopped one joins when it starts), as
     * {@code docker network connect} does.
     */
    public void connect(String networkId, String containerId) {
        connect(networkId, containerId, List.of());
    }

    /** Connects a container that other containers on the network also reach by {@code aliases}. */
    public void connect(String networkId, String containerId, List<String> aliases) {
        engine.run(c -> c.connectToNetworkCmd().withNetworkId(networkId).withContainerId(containerId)
                .withContainerNetwork(new ContainerNetwork().withAliases(aliases))
                .exec());
    }

    /** Disconnects a container from a network; a running one loses its address there at once. */
    public void disconnect(String networkId, String containerId) {
        engine.run(c -> c.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(containerId).exec());
    }

    /**
     * Networks no container (running or stopped) is attached to, carrying all {@code labels}: not
     * the engine's own, nor swarm networks (their containers may run on other nodes).
     */
    public List<NetworkSummary> unused(Map<String, String> labels) {
        return list().stream().filter(n -> !n.isBuiltIn() && !n.isInUse() && !"swarm".equals(n.scope())
                && n.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /**
     * Removes what {@link #unused} lists, one by one; returns the names removed. Not the engine's
     * prune: that also removes networks only stopped containers are attached to.
     */
    public List<String> prune(Map<String, String> labels) {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (NetworkSummary n : unused(labels)) {
            try {
                remove(n.id());
                removed.add(n.name());
            } catch (EngineException e) {
                if (!e.isNotFound()) {
                    failures.add(n.name() + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new EngineException(409, "Removed " + removed.size() + ", but not " + String.join("; ", failures), null);
        }
        return removed;
    }

    /**
     * Network ID → containers configured on it. A container never started has no network ID yet:
     * its entry is keyed by {@link #BY_NAME} and the network's name.
     */
    private Map<String, List<NetworkSummary.Attachment>> attachments() {
        List<Container> containers = engine.call(c -> c.listContainersCmd().withShowAll(true).exec());
        Map<String, List<NetworkSummary.Attachment>> out = new HashMap<>();
        for (Container c : containers) {
            if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
                continue;
            }
            ContainerSummary summary = ContainerApi.summary(c);
            for (Map.Entry<String, ContainerNetwork> e : c.getNetworkSettings().getNetworks().entrySet()) {
                ContainerNetwork n = e.getValue();
                String key = n.getNetworkID() == null || n.getNetworkID().isEmpty() ? BY_NAME + e.getKey() : n.getNetworkID();
                String address = n.getIpAddress() == null ? "" : n.getIpAddress();
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new NetworkSummary.Attachment(
                        summary.id(), summary.name(), summary.state().isRunning(), address));
            }
        }
        return out;
    }

    static NetworkSummary summary(JsonNode n, List<NetworkSummary.Attachment> attached) {
        List<NetworkSummary.Subnet> subnets = new ArrayList<>();
        for (JsonNode range : n.path("IPAM").path("Config")) {
            subnets.add(new NetworkSummary.Subnet(range.path("Subnet").asText(""), range.path("Gateway").asText("")));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        n.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new NetworkSummary(n.path("Id").asText(), n.path("Name").asText(), n.path("Driver").asText(""),
                n.path("Scope").asText(""), ContainerDetails.instant(n.path("Created").asText(null)),
                n.path("Internal").asBoolean(), n.path("Attachable").asBoolean(), n.path("EnableIPv6").asBoolean(),
                subnets, labels, attached);
    }
}
