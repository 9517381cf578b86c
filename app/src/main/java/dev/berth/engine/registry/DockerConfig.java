package dev.berth.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registry credentials where the docker CLI keeps them: {@code config.json} in {@code $DOCKER_CONFIG}
 * (default {@code ~/.docker}). A registry listed under {@code credHelpers}, or every registry when
 * {@code credsStore} is set, is handled by that {@code docker-credential-*} helper; otherwise the
 * credentials sit base64-encoded under {@code auths}, exactly as {@code docker login} leaves them.
 * Berth keeps no other copy. Other keys in the file are preserved on write.
 */
public final class DockerConfig {

    /** The key Docker Hub's credentials use in {@code config.json}. */
    public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<Path> helperDirs;

    public DockerConfig(Path dir) {
        this(dir, null);
    }

    /** With {@code helperDirs} searched for credential helpers instead of the PATH (for tests). */
    DockerConfig(Path dir, List<Path> helperDirs) {
        this.dir = dir;
        this.helperDirs = helperDirs;
    }

    /**
     * This user's config folder: the {@code berth.docker.config} system property (tests point it at
     * a temporary folder), then {@code DOCKER_CONFIG}, then {@code ~/.docker}.
     */
    public static DockerConfig forThisUser() {
        String property = System.getProperty("berth.docker.config");
        if (property != null && !property.isBlank()) {
            return new DockerConfig(Path.of(property));
        }
        String env = System.getenv("DOCKER_CONFIG");
        if (env != null && !env.isBlank()) {
            return new DockerConfig(Path.of(env));
        }
        return new DockerConfig(Path.of(System.getProperty("user.home"), ".docker"));
    }

    public Path file() {
        return dir.resolve("config.json");
    }

    /** The config key for a registry host: Docker Hub's long form, else the host itself. */
    public static String serverKey(String registry) {
        String host = hostOf(registry);
        if (host.equals("docker.io") || host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
            return DOCKER_HUB_SERVER;
        }
        return host;
    }

    /** Credentials for a registry host, from its helper or {@code auths}; empty when not logged in. */
    public Optional<RegistryAuth> credentialsFor(String registry) throws IOException {
        String key = serverKey(registry);
        ObjectNode config = read();
        Optional<CredentialHelper> helper = helperFor(config, key);
        if (helper.isPresent()) {
            return helper.get().get(key);
        }
        JsonNode auths = config.path("auths");
        for (Iterator<String> names = auths.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (hostOf(name).equals(hostOf(key))) {
                return decode(name, auths.get(name));
            }
        }
        return Optional.empty();
    }

    /** Stores credentials after a successful login, where the docker CLI would. */
    public void store(String registry, String username, String password) throws IOException {
        String key = serverKey(registry);
        ObjectNode config = read();
        Optional<CredentialHelper> helper = helperFor(config, key);
        ObjectNode auths = config.has("auths") && config.get("auths").isObject()
                ? (ObjectNode) config.get("auths") : config.putObject("auths");
        if (helper.isPresent()) {
            helper.get().store(key, username, password);
            // The CLI leaves an empty entry so "docker login" listings still show the server.
            auths.putObject(key);
        } else {
            String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            auths.putObject(key).put("auth", auth);
        }
        write(config);
    }

    /** Forgets a registry's credentials ({@code docker logout}). */
    public void erase(String registry) throws IOException {
        String key = serverKey(registry);
        ObjectNode config = read();
        Optional<CredentialHelper> helper = helperFor(config, key);
        if (helper.isPresent()) {
            helper.get().erase(key);
        }
        if (config.path("auths").isObject()) {
            ObjectNode auths = (ObjectNode) config.get("auths");
            auths.remove(key);
        }
        write(config);
    }

    /** The registries {@code config.json} lists as logged in. */
    public List<String> servers() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        read().path("auths").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private Optional<CredentialHelper> helperFor(ObjectNode config, String key) {
        String name = null;
        JsonNode helpers = config.path("credHelpers");
        for (Iterator<String> names = helpers.fieldNames(); names.hasNext(); ) {
            String server = names.next();
            if (hostOf(server).equals(hostOf(key))) {
                name = helpers.get(server).asText(null);
            }
        }
        if (name == null && config.hasNonNull("credsStore")) {
            name = config.get("credsStore").asText();
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialHelper(name, executable(name)));
    }

    /** {@code docker-credential-<name>} found on the PATH (with {@code .exe} on Windows). */
    private String executable(String name) {
        String command = "docker-credential-" + name;
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<Path> dirs = helperDirs;
        if (dirs == null) {
            String path = System.getenv("PATH");
            dirs = path == null ? List.of() : Arrays.stream(path.split(File.pathSeparator)).map(Path::of).toList();
        }
        for (Path entry : dirs) {
            Path candidate = entry.resolve(windows ? command + ".exe" : command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return command;
    }

    private static Optional<RegistryAuth> decode(String server, JsonNode entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String token = entry.path("identitytoken").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return Optional.of(new RegistryAuth(server, decoded.substring(0, colon), decoded.substring(colon + 1),
                        token.isEmpty() ? null : token));
            }
        }
        if (!token.isEmpty()) {
            return Optional.of(new RegistryAuth(server, null, null, token));
        }
        return Optional.empty();
    }

    /** {@code https://host:5000/v2/} and {@code host:5000} both mean {@code host:5000}. */
    static String hostOf(String server) {
        String s = server.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        return (slash >= 0 ? s.substring(0, slash) : s).toLowerCase(Locale.ROOT);
    }

    private ObjectNode read() throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Replaces the file in one step, readable by this user only (it may hold credentials). */
    private void write(ObjectNode config) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "config.json", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the user's profile folder protects it
            }
            Files.writeString(temp, JSON.writeValueAsString(config) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
