package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker inspect} says about one container, in the words the details pane shows, plus
 * the engine's full JSON for the Inspect tab.
 *
 * @param health       health status (healthy, unhealthy, starting), or empty without a health check
 * @param exitCode     exit code of the last run (meaningful once it has stopped)
 * @param networks     address per network, in the engine's order
 * @param env          environment as {@code KEY=VALUE} strings, image defaults included
 * @param json         the engine's inspect JSON, unchanged
 */
public record ContainerDetails(String id, String name, String image, String imageId, ContainerState state,
                               String health, int exitCode, String error, int restartCount, Instant created,
                               Instant startedAt, Instant finishedAt, List<String> entrypoint, List<String> command,
                               Map<String, NetworkAddress> networks, List<MountInfo> mounts, List<PortMapping> ports,
                               List<String> env, Map<String, String> labels, String workingDir, String user,
                               RestartPolicy restart, boolean autoRemove, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A container's place on one network. */
    public record NetworkAddress(String ipAddress, int prefixLength, String ipv6Address, String gateway,
                                 String macAddress) {
    }

    /** One mount as the engine reports it. */
    public record MountInfo(String type, String name, String source, String destination, boolean readWrite) {

        /** A volume the engine named itself (nobody gave it a name). */
        public boolean isAnonymousVolume() {
            return "volume".equals(type) && VolumeSummary.isAnonymousName(name);
        }
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** Parses the engine's {@code GET /containers/{id}/json} answer. */
    public static ContainerDetails parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode state = root.path("State");
        JsonNode config = root.path("Config");
        JsonNode host = root.path("HostConfig");
        String name = root.path("Name").asText("");
        Map<String, NetworkAddress> networks = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> n : root.path("NetworkSettings").path("Networks").properties()) {
            JsonNode v = n.getValue();
            networks.put(n.getKey(), new NetworkAddress(v.path("IPAddress").asText(""), v.path("IPPrefixLen").asInt(),
                    v.path("GlobalIPv6Address").asText(""), v.path("Gateway").asText(""),
                    v.path("MacAddress").asText("")));
        }
        List<MountInfo> mounts = new ArrayList<>();
        for (JsonNode m : root.path("Mounts")) {
            mounts.add(new MountInfo(m.path("Type").asText(""), m.path("Name").asText(""), m.path("Source").asText(""),
                    m.path("Destination").asText(""), m.path("RW").asBoolean(true)));
        }
        List<PortMapping> ports = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : root.path("NetworkSettings").path("Ports").properties()) {
            String[] portAndProto = p.getKey().split("/");
            int containerPort = Integer.parseInt(portAndProto[0]);
            String protocol = portAndProto.length > 1 ? portAndProto[1] : "tcp";
            if (p.getValue().isArray() && !p.getValue().isEmpty()) {
                for (JsonNode b : p.getValue()) {
                    ports.add(new PortMapping(b.path("HostIp").asText(""), b.path("HostPort").asInt(0), containerPort,
                            protocol));
                }
            } else {
                ports.add(new PortMapping(null, 0, containerPort, protocol));
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText("")));
        JsonNode restart = host.path("RestartPolicy");
        RestartPolicy.Kind restartKind = RestartPolicy.Kind.of(restart.path("Name").asText(""));
        return new ContainerDetails(root.path("Id").asText(""), name.startsWith("/") ? name.substring(1) : name,
                config.path("Image").asText(""), root.path("Image").asText(""),
                ContainerState.of(state.path("Status").asText(null)), state.path("Health").path("Status").asText(""),
                state.path("ExitCode").asInt(), state.path("Error").asText(""), root.path("RestartCount").asInt(),
                instant(root.path("Created").asText("")), instant(state.path("StartedAt").asText("")),
                instant(state.path("FinishedAt").asText("")), strings(config.path("Entrypoint")),
                strings(config.path("Cmd")), networks, mounts, ports, strings(config.path("Env")), labels,
                config.path("WorkingDir").asText(""), config.path("User").asText(""),
                new RestartPolicy(restartKind, Math.max(0, restart.path("MaximumRetryCount").asInt())),
                host.path("AutoRemove").asBoolean(false), json);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText("")));
        } else if (array.isTextual()) {
            out.add(array.asText());
        }
        return out;
    }

    /** The engine writes "0001-01-01T00:00:00Z" for never; that becomes null. */
    static Instant instant(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
