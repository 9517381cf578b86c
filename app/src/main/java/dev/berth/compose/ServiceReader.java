package dev.berth.compose;

import dev.berth.compose.YamlNodes.Entry;
import dev.berth.compose.YamlNodes.KeyValue;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.EnvFile;
import dev.berth.engine.HealthCheck;
import dev.berth.engine.PortPublish;
import dev.berth.engine.RestartPolicy;
import dev.berth.engine.ShellWords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one service of a compose file (one reader per service), expanding short forms. What a service
 * names elsewhere in the file, {@code depends_on} and {@code networks}, is left to {@link ComposeParser}.
 */
final class ServiceReader {

    private static final Set<String> APPLIED = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "volumes", "networks", "depends_on", "restart", "labels", "working_dir", "user",
            "container_name", "healthcheck", "profiles");
    /** Keys of the compose specification Berth reads past: the user hears they make no difference. */
    private static final Set<String> NOT_APPLIED = Set.of("annotations", "attach", "blkio_config", "cap_add",
            "cap_drop", "cgroup", "cgroup_parent", "configs", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
            "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "deploy", "develop",
            "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "driver_opts", "expose",
            "extends", "external_links", "extra_hosts", "gpus", "group_add", "hostname", "init", "ipc",
            "isolation", "label_file", "links", "logging", "mac_address", "mem_limit", "mem_reservation",
            "mem_swappiness", "memswap_limit", "models", "network_mode", "oom_kill_disable", "oom_score_adj", "pid",
            "pids_limit", "platform", "post_start", "pre_stop", "privileged", "provider", "pull_policy",
            "pull_refresh_after", "read_only", "runtime", "scale", "secrets", "security_opt", "shm_size",
            "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
            "use_api_socket", "userns_mode", "uts", "volumes_from");
    private static final Set<String> BUILD_APPLIED = Set.of("context", "dockerfile", "args", "target");
    private static final Set<String> BUILD_NOT_APPLIED = Set.of("cache_from", "cache_to", "labels",
            "network", "shm_size", "extra_hosts", "platforms", "secrets", "ssh", "tags", "no_cache", "pull",
            "additional_contexts", "dockerfile_inline", "isolation", "privileged", "ulimits", "entitlements",
            "provenance", "sbom");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern PROFILE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Pattern PORTS = Pattern.compile("\\d+(-\\d+)?");
    private static final Pattern PROTOCOL = Pattern.compile("(?i)tcp|udp|sctp");
    // The CLI syntax checks the address itself; this only keeps ':' and '/' from changing the rule's shape.
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]+");
    private static final Pattern ON_FAILURE = Pattern.compile("on-failure(?::(\\d{1,9}))?");

    private final YamlNodes nodes;
    private final Path directory;
    private final VolumeReader volumes;

    private Entry service;
    private Node dependsOn;
    private Node networks;
    private String image;
    private ComposeService.Build build;
    private List<String> entrypoint = List.of();
    private List<String> command = List.of();
    private final Map<String, String> fromEnvFiles = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<PortPublish> ports = new ArrayList<>();
    private RestartPolicy restart = RestartPolicy.NO;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String workingDir;
    private String user;
    private String containerName;
    private HealthCheck healthcheck;
    private final List<String> profiles = new ArrayList<>();

    ServiceReader(YamlNodes nodes, Path directory, Set<String> declaredVolumes) {
        this.nodes = nodes;
        this.directory = directory;
        this.volumes = new VolumeReader(nodes, directory, declaredVolumes);
    }

    /**
     * Reads the service's keys; false when its value is not a mapping (a problem then). Any problem makes
     * the whole file fail, so after one a field may keep any value: the reader only avoids reporting twice.
     */
    boolean read(Entry entry) {
        service = entry;
        String name = entry.key();
        String path = "services." + name;
        if (!SERVICE_NAME.matcher(name).matches()) {
            nodes.problem(entry.keyNode(), path, "a service name uses letters, digits, '_', '.' and '-',"
                    + " starting with a letter or digit");
        }
        if (!YamlNodes.isNull(entry.value()) && !(entry.value() instanceof MappingNode)) {
            nodes.problem(entry.value(), path, "a service is a mapping of keys such as image: and ports:");
            return false;
        }
        boolean imageOrBuild = false;
        for (Entry e : nodes.entries(entry.value(), path)) {
            String at = path + "." + e.key();
            Node value = e.value();
            imageOrBuild |= e.key().equals("image") || e.key().equals("build");
            switch (e.key()) {
                case "image" -> image(e, at);
                case "build" -> build(e, at);
                case "command" -> command = words(value, at);
                case "entrypoint" -> entrypoint = words(value, at);
                case "environment" -> environment(value, at);
                case "env_file" -> {
                    if (value instanceof ScalarNode && !YamlNodes.isNull(value)) {
                        envFile(value, at);
                    } else {
                        nodes.eachItem(value, at, this::envFile);
                    }
                }
                case "ports" -> nodes.eachItem(value, at, this::port);
                case "volumes" -> nodes.eachItem(value, at, volumes::read);
                case "networks" -> networks = value;
                case "depends_on" -> dependsOn = value;
                case "restart" -> restart(value, at);
                case "labels" -> labels(value, at);
                case "working_dir" -> workingDir = nodes.checked(value, at, ContainerRules::workingDir);
                case "user" -> user = nodes.checked(value, at, ContainerRules::user);
                case "container_name" -> containerName = nodes.checked(value, at, ContainerRules::name);
                case "healthcheck" -> healthcheck = new HealthcheckReader(nodes).read(value, at);
                case "profiles" -> nodes.eachItem(value, at, (item, itemAt) -> {
                    String profile = nodes.text(item, itemAt);
                    if (profile != null && !PROFILE.matcher(profile).matches()) {
                        nodes.problem(item, itemAt, "a profile name uses letters, digits, '_', '.' and '-',"
                                + " starting with a letter or digit");
                    } else if (profile != null) {
                        profiles.add(profile);
                    }
                });
                default -> nodes.otherKey(e, path, APPLIED, NOT_APPLIED, "");
            }
        }
        if (!imageOrBuild) {
            nodes.problem(entry.keyNode(), path, "service '" + name + "' needs an image: or a build:");
        }
        return true;
    }

    /** The {@code depends_on} value as written, or null. */
    Node dependsOn() {
        return dependsOn;
    }

    /** The {@code networks} value as written, or null. */
    Node networks() {
        return networks;
    }

    /** The service, with what {@link ComposeParser} resolved from {@link #networks()} and {@link #dependsOn()}. */
    ComposeService service(List<String> joined, List<String> startAfter,
                           Map<String, ComposeService.Condition> waitFor) {
        Map<String, String> env = new LinkedHashMap<>(fromEnvFiles);
        env.putAll(environment);
        return new ComposeService(service.key(), image, build, entrypoint, command, env, ports, volumes.mounts(), joined,
                startAfter, waitFor, restart, labels, workingDir, user, containerName, healthcheck, profiles,
                YamlNodes.line(service.keyNode()));
    }

    private void image(Entry e, String at) {
        if (YamlNodes.isNull(e.value())) {
            nodes.problem(e.keyNode(), at, "image needs a value, e.g. nginx:1.27");
        } else {
            image = nodes.checked(e.value(), at, ContainerRules::image);
        }
    }

    private Path hostPath(String written) {
        return VolumeReader.hostPath(directory, written);
    }

    private void build(Entry entry, String at) {
        Node contextNode = entry.value();
        String context = ".";
        String dockerfile = "Dockerfile";
        String target = null;
        Map<String, String> args = new LinkedHashMap<>();
        if (YamlNodes.isNull(entry.value())) {
            nodes.problem(entry.keyNode(), at, "build needs a context, e.g. build: .");
        } else if (entry.value() instanceof ScalarNode) {
            context = nodes.text(entry.value(), at);
        } else {
            for (Entry e : nodes.entries(entry.value(), at)) {
                switch (e.key()) {
                    case "context" -> {
                        contextNode = e.value();
                        context = nodes.text(e.value(), at + ".context");
                    }
                    case "dockerfile" -> dockerfile = nodes.text(e.value(), at + ".dockerfile");
                    case "target" -> target = nodes.text(e.value(), at + ".target");
                    case "args" -> {
                        for (KeyValue kv : nodes.keyValues(e.value(), at + ".args")) {
                            // An argument without a value takes this process's, as compose does.
                            String value = kv.value() != null ? kv.value() : nodes.variable(kv.key());
                            if (value != null) {
                                args.put(kv.key(), value);
                            }
                        }
                    }
                    default -> nodes.otherKey(e, at, BUILD_APPLIED, BUILD_NOT_APPLIED, "build ");
                }
            }
        }
        // Any null left here was reported, or is a YAML null meaning the default.
        context = context == null || context.isEmpty() ? "." : context;
        if (context.contains("://") || context.startsWith("git@")) {
            nodes.problem(contextNode, at, "Berth builds from a local directory, not from " + context);
        }
        build = new ComposeService.Build(hostPath(context),
                dockerfile == null || dockerfile.isEmpty() ? "Dockerfile" : dockerfile, args,
                target == null || target.isBlank() ? null : target);
    }

    private List<String> words(Node value, String at) {
        List<String> words = new ArrayList<>();
        if (value instanceof ScalarNode) {
            String line = nodes.text(value, at);
            try {
                return line == null ? words : ShellWords.split(line);
            } catch (IllegalArgumentException e) {
                nodes.problem(value, at, e.getMessage());
            }
        } else {
            nodes.eachItem(value, at, (item, itemAt) -> Optional.ofNullable(nodes.text(item, itemAt)).ifPresent(words::add));
        }
        return words;
    }

    private void environment(Node value, String at) {
        for (KeyValue kv : nodes.keyValues(value, at)) {
            Optional<String> wrong = ContainerRules.envKey(kv.key());
            wrong.ifPresent(m -> nodes.problem(kv.node(), at, m));
            // A key without a value takes this process's value, and is left out when that is unset.
            String v = kv.value() != null ? kv.value() : nodes.variable(kv.key());
            if (wrong.isEmpty() && v != null) {
                environment.put(kv.key(), v);
            }
        }
    }

    private void labels(Node value, String at) {
        for (KeyValue kv : nodes.keyValues(value, at)) {
            Optional<String> wrong = ContainerRules.labelKey(kv.key());
            wrong.ifPresentOrElse(m -> nodes.problem(kv.node(), at, m),
                    () -> labels.put(kv.key(), kv.value() == null ? "" : kv.value()));
        }
    }

    /** A path, or {@code {path, required}} where a missing optional file is skipped. */
    private void envFile(Node item, String at) {
        Node pathNode = item;
        boolean required = true;
        if (item instanceof MappingNode) {
            pathNode = null;
            for (Entry e : nodes.entries(item, at)) {
                switch (e.key()) {
                    case "path" -> pathNode = e.value();
                    case "required" -> required = !Boolean.FALSE.equals(nodes.bool(e.value(), at + ".required"));
                    case "format" -> { }
                    default -> nodes.unknownKey(e, at, Set.of("path", "required", "format"));
                }
            }
            if (pathNode == null) {
                nodes.problem(item, at, "an env_file entry needs a path:");
                return;
            }
        }
        String written = nodes.text(pathNode, at);
        if (written == null) {
            return;
        }
        Path file = hostPath(written);
        try {
            for (String entry : EnvFile.parse(Files.readString(file, StandardCharsets.UTF_8), nodes::variable)) {
                int eq = entry.indexOf('=');
                fromEnvFiles.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        } catch (NoSuchFileException e) {
            if (required) {
                nodes.problem(pathNode, at, "the env file " + file + " does not exist");
            }
        } catch (IOException e) {
            nodes.problem(pathNode, at, "cannot read the env file " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            nodes.problem(pathNode, at, written + ": " + e.getMessage());
        }
    }

    private void port(Node item, String at) {
        if (!(item instanceof MappingNode)) {
            addPort(nodes.text(item, at), item, at);
            return;
        }
        Map<String, Node> field = new HashMap<>();
        for (Entry e : nodes.entries(item, at)) {
            switch (e.key()) {
                case "target", "published", "host_ip", "protocol" -> field.put(e.key(), e.value());
                case "mode", "name", "app_protocol" -> { } // descriptive, or for swarm only
                default -> nodes.unknownKey(e, at, List.of("target", "published", "host_ip", "protocol"));
            }
        }
        if (!field.containsKey("target")) {
            nodes.problem(item, at, "a port needs a target: the port inside the container");
            return;
        }
        // Each field is checked on its own first, so a mistake points at its own line.
        String target = portField(field, "target", at, PORTS);
        String published = portField(field, "published", at, PORTS);
        String protocol = portField(field, "protocol", at, PROTOCOL);
        String ip = portField(field, "host_ip", at, ADDRESS);
        if (target != null && published != null && protocol != null && ip != null) {
            String host = ip.isEmpty() ? "" : (ip.contains(":") ? "[" + ip + "]" : ip) + ":";
            String hostPorts = published.isEmpty() && host.isEmpty() ? "" : published + ":";
            addPort(host + hostPorts + target + (protocol.isEmpty() ? "" : "/" + protocol), item, at);
        }
    }

    /** The field's text, "" when absent; null (and a problem at the field) when it has the wrong shape. */
    private String portField(Map<String, Node> field, String key, String at, Pattern shape) {
        Node node = field.get(key);
        String text = nodes.text(node, at + "." + key);
        if (text != null && !text.isEmpty() && !shape.matcher(text).matches()) {
            nodes.problem(node, at + "." + key, shape == PROTOCOL ? "Unknown protocol '" + text + "': use tcp, udp or sctp"
                    : "'" + text + "' is not " + (shape == ADDRESS ? "an IP address" : "a port number or range"));
            return null;
        }
        return text == null && !YamlNodes.isNull(node) ? null : text == null ? "" : text;
    }

    private void addPort(String rule, Node node, String at) {
        try {
            if (rule != null) {
                ports.add(PortPublish.parse(rule));
            }
        } catch (IllegalArgumentException e) {
            nodes.problem(node, at, e.getMessage());
        }
    }

    private void restart(Node value, String at) {
        String text = nodes.text(value, at);
        Matcher onFailure = ON_FAILURE.matcher(text == null ? "" : text);
        if (onFailure.matches()) {
            restart = RestartPolicy.onFailure(onFailure.group(1) == null ? 0 : Integer.parseInt(onFailure.group(1)));
        } else if (text != null && RestartPolicy.Kind.of(text).word().equals(text)) {
            restart = RestartPolicy.of(RestartPolicy.Kind.of(text));
        } else if (text != null) {
            nodes.problem(value, at, "'" + text + "' is not a restart policy: use no, always, unless-stopped"
                    + " or on-failure[:N]");
        }
    }
}
