package dev.berth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two containers' inspect JSON on what a run dialog decides (image, command, environment,
 * ports, mounts, network, restart, labels, ...), not on what differs between any two containers
 * (name, ID, runtime state).
 */
public final class InspectComparison {

    public static final List<String> CONFIGURED = List.of("/Config/Image", "/Config/Entrypoint", "/Config/Cmd",
            "/Config/Env", "/Config/WorkingDir", "/Config/User", "/Config/Labels", "/Config/ExposedPorts",
            "/HostConfig/PortBindings", "/HostConfig/Mounts", "/HostConfig/Binds", "/HostConfig/Tmpfs",
            "/HostConfig/NetworkMode", "/HostConfig/RestartPolicy", "/HostConfig/AutoRemove");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectComparison() {
    }

    /** The configured parts of an inspect JSON, by JSON pointer, normalised for comparing. */
    public static Map<String, Object> configured(String inspectJson) {
        JsonNode root;
        try {
            root = JSON.readTree(inspectJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        for (String pointer : CONFIGURED) {
            parts.put(pointer, normalize(root.at(pointer)));
        }
        return parts;
    }

    /** An absent list and an empty one mean the same to the engine, as does the order of variables. */
    private static Object normalize(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
            return JSON.nullNode();
        }
        if (node.isArray() && node.get(0).isTextual() && node.get(0).asText().contains("=")) {
            List<String> sorted = new ArrayList<>();
            node.forEach(n -> sorted.add(n.asText()));
            Collections.sort(sorted);
            return sorted;
        }
        return node;
    }
}
