package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out where to look for an engine, in the order the docker CLI would, followed by the
 * fallbacks a laptop commonly has (Docker Desktop's per-user socket, Podman's sockets).
 *
 * <p>The environment, home folder and OS are passed in so the rules can be tested without
 * touching the real machine.
 */
public final class EndpointDiscovery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final Path home;
    private final boolean windows;
    private final boolean mac;

    public EndpointDiscovery(Map<String, String> env, Path home, String osName) {
        this.env = env;
        this.home = home;
        String os = osName.toLowerCase();
        this.windows = os.startsWith("windows");
        this.mac = os.startsWith("mac");
    }

    /** Discovery for the machine Berth runs on. */
    public static EndpointDiscovery forThisMachine() {
        return new EndpointDiscovery(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"));
    }

    /** Candidates in the order they should be tried; the first is what the docker CLI would use. */
    public List<EngineEndpoint> candidates() {
        Map<String, EngineEndpoint> byUri = new LinkedHashMap<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            String certPath = env.get("DOCKER_CERT_PATH");
            add(byUri, new EngineEndpoint(dockerHost.trim(), "DOCKER_HOST",
                    certPath == null || certPath.isBlank() ? null : Path.of(certPath)));
        } else {
            contextEndpoint().ifPresent(e -> add(byUri, e));
        }
        for (EngineEndpoint fallback : platformDefaults()) {
            add(byUri, fallback);
        }
        return List.copyOf(byUri.values());
    }

    private static void add(Map<String, EngineEndpoint> byUri, EngineEndpoint endpoint) {
        byUri.putIfAbsent(endpoint.uri(), endpoint);
    }

    private List<EngineEndpoint> platformDefaults() {
        List<EngineEndpoint> list = new ArrayList<>();
        if (windows) {
            list.add(new EngineEndpoint("npipe:////./pipe/docker_engine", "default Docker pipe"));
            list.add(new EngineEndpoint("npipe:////./pipe/podman-machine-default", "Podman machine pipe"));
            return list;
        }
        list.add(new EngineEndpoint("unix:///var/run/docker.sock", "default Docker socket"));
        list.add(new EngineEndpoint("unix://" + home.resolve(".docker/run/docker.sock"), "Docker Desktop socket"));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            list.add(new EngineEndpoint("unix://" + Path.of(runtimeDir, "podman", "podman.sock"), "Podman socket (rootless)"));
        }
        list.add(new EngineEndpoint("unix:///run/podman/podman.sock", "Podman socket"));
        if (mac) {
            list.add(new EngineEndpoint("unix://" + home.resolve(".local/share/containers/podman/machine/podman.sock"),
                    "Podman machine socket"));
        }
        return list;
    }

    /** The endpoint of the current docker context, unless it is the built-in "default" one. */
    java.util.Optional<EngineEndpoint> contextEndpoint() {
        String name = env.get("DOCKER_CONTEXT");
        Path dockerDir = dockerConfigDir();
        if (name == null || name.isBlank()) {
            name = readCurrentContext(dockerDir.resolve("config.json"));
        }
        if (name == null || name.isBlank() || name.equals("default")) {
            return java.util.Optional.empty();
        }
        String digest = sha256(name);
        Path meta = dockerDir.resolve("contexts").resolve("meta").resolve(digest).resolve("meta.json");
        try {
            JsonNode root = JSON.readTree(meta.toFile());
            String host = root.path("Endpoints").path("docker").path("Host").asText("");
            if (host.isBlank()) {
                return java.util.Optional.empty();
            }
            Path tls = dockerDir.resolve("contexts").resolve("tls").resolve(digest).resolve("docker");
            return java.util.Optional.of(new EngineEndpoint(host, "docker context '" + name + "'",
                    Files.isDirectory(tls) ? tls : null));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private Path dockerConfigDir() {
        String configDir = env.get("DOCKER_CONFIG");
        return configDir == null || configDir.isBlank() ? home.resolve(".docker") : Path.of(configDir);
    }

    private static String readCurrentContext(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            return null;
        }
        try {
            return JSON.readTree(configJson.toFile()).path("currentContext").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
