package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads back the spec a container was created with from its inspect JSON, keeping only what
 * differs from its image's defaults (so "run again" shows what the user chose, not the image's
 * PATH).
 */
final class SpecFromInspect {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPOSE_LABELS = "com.docker.compose.";
    /** What the engine sets when an image has no PATH of its own. */
    private static final String ENGINE_DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private SpecFromInspect() {
    }

    static ContainerSpec spec(String containerJson, String imageJson) {
        JsonNode container = read(containerJson);
        JsonNode config = container.path("Config");
        JsonNode host = container.path("HostConfig");
        JsonNode imageConfig = read(imageJson).path("Config");

        List<String> entrypoint = ContainerDetails.strings(config.path("Entrypoint"));
        boolean ownEntrypoint = !entrypoint.equals(ContainerDetails.strings(imageConfig.path("Entrypoint")));
        List<String> command = ContainerDetails.strings(config.path("Cmd"));
        boolean ownCommand = ownEntrypoint || !command.equals(ContainerDetails.strings(imageConfig.path("Cmd")));

        Set<String> imageEnv = new HashSet<>(ContainerDetails.strings(imageConfig.path("Env")));
        if (imageEnv.stream().noneMatch(e -> e.startsWith("PATH="))) {
            imageEnv.add(ENGINE_DEFAULT_PATH);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : ContainerDetails.strings(config.path("Env"))) {
            if (!imageEnv.contains(entry)) {
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode imageLabels = imageConfig.path("Labels");
        config.path("Labels").properties().forEach(e -> {
            String value = e.getValue().asText("");
            boolean fromImage = Objects.equals(imageLabels.path(e.getKey()).asText(null), value);
            if (!fromImage && !e.getKey().startsWith(COMPOSE_LABELS)) {
                labels.put(e.getKey(), value);
            }
        });

        String network = host.path("NetworkMode").asText("");
        JsonNode restart = host.path("RestartPolicy");
        String workingDir = config.path("WorkingDir").asText("");
        String user = config.path("User").asText("");
        return new ContainerSpec(config.path("Image").asText(""), null, ownEntrypoint ? entrypoint : List.of(),
                ownCommand ? command : List.of(), env, null, ports(host.path("PortBindings")), mounts(host),
                network.equals("default") ? null : network,
                new RestartPolicy(RestartPolicy.Kind.of(restart.path("Name").asText("")),
                        Math.max(0, restart.path("MaximumRetryCount").asInt())),
                labels, workingDir.equals(imageConfig.path("WorkingDir").asText("")) ? "" : workingDir,
                user.equals(imageConfig.path("User").asText("")) ? "" : user,
                host.path("AutoRemove").asBoolean(false));
    }

    private static List<PortPublish> ports(JsonNode bindings) {
        List<PortPublish> ports = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : bindings.properties()) {
            String[] portAndProto = e.getKey().split("/");
            int port = Integer.parseInt(portAndProto[0]);
            String protocol = portAndProto.length > 1 ? portAndProto[1] : "tcp";
            for (JsonNode b : e.getValue()) {
                String hostPort = b.path("HostPort").asText("");
                int start = 0;
                int end = 0;
                if (!hostPort.isEmpty()) {
                    int dash = hostPort.indexOf('-');
                    start = Integer.parseInt(dash < 0 ? hostPort : hostPort.substring(0, dash));
                    end = dash < 0 ? start : Integer.parseInt(hostPort.substring(dash + 1));
                }
                ports.add(new PortPublish(b.path("HostIp").asText(""), start, end, port, port, protocol));
            }
        }
        return ports;
    }

    /** Mounts given as --mount, as -v binds and as --tmpfs all come back as mount specs. */
    private static List<MountSpec> mounts(JsonNode host) {
        List<MountSpec> mounts = new ArrayList<>();
        for (JsonNode m : host.path("Mounts")) {
            MountSpec.Kind kind = switch (m.path("Type").asText("volume")) {
                case "bind" -> MountSpec.Kind.BIND;
                case "tmpfs" -> MountSpec.Kind.TMPFS;
                default -> MountSpec.Kind.VOLUME;
            };
            mounts.add(new MountSpec(kind, m.path("Source").asText(""), m.path("Target").asText(""),
                    m.path("ReadOnly").asBoolean(false), m.path("TmpfsOptions").path("SizeBytes").asLong(0)));
        }
        for (String bind : ContainerDetails.strings(host.path("Binds"))) {
            String[] parts = bind.split(":");
            if (parts.length < 2) {
                continue;
            }
            boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
            MountSpec.Kind kind = parts[0].startsWith("/") ? MountSpec.Kind.BIND : MountSpec.Kind.VOLUME;
            mounts.add(new MountSpec(kind, parts[0], parts[1], readOnly, 0));
        }
        host.path("Tmpfs").properties().forEach(e -> {
            long size = 0;
            for (String option : e.getValue().asText("").split(",")) {
                if (option.startsWith("size=")) {
                    size = ContainerRules.sizeBytes(option.substring(5));
                }
            }
            mounts.add(MountSpec.tmpfs(e.getKey(), size));
        });
        return mounts;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
