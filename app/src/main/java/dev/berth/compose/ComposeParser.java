package dev.berth.compose;

import dev.berth.compose.YamlNodes.Entry;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.EnvFile;
import dev.berth.engine.NetworkRules;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a compose file into a {@link ComposeProject}: the part of the Compose Specification that Berth
 * can apply (services with image, build, command, entrypoint, environment, env_file, ports, volumes,
 * networks, depends_on with its conditions, healthcheck, restart, labels, working_dir, user and
 * container_name; top-level networks and volumes), with variables filled in. Every problem found is collected, with its line and column, and
 * thrown together in one {@link ComposeException}; keys of the specification that Berth reads past come
 * back as the project's warnings.
 */
public final class ComposeParser {

    private static final List<String> TOP_LEVEL = List.of("name", "services", "networks", "volumes", "version",
            "configs", "secrets");
    private static final List<String> RESOURCE_KEYS = List.of("driver", "external", "name", "labels");
    private static final Set<String> NETWORK_NOT_APPLIED = Set.of("driver_opts", "attachable", "enable_ipv4",
            "enable_ipv6", "ipam", "internal");
    private static final Set<String> VOLUME_NOT_APPLIED = Set.of("driver_opts");
    private static final Set<String> SERVICE_NETWORK_NOT_APPLIED = Set.of("aliases", "ipv4_address", "ipv6_address",
            "link_local_ips", "mac_address", "priority", "gw_priority", "driver_opts", "interface_name");

    private final Path file;
    private final YamlNodes nodes;
    private final String nameFromEnvironment;
    private final Set<String> activeProfiles;

    private ComposeParser(Path file, Map<String, String> environment) {
        this.file = file;
        this.nodes = new YamlNodes(file, environment);
        String fromEnvironment = environment.get("COMPOSE_PROJECT_NAME");
        this.nameFromEnvironment = fromEnvironment == null || fromEnvironment.isBlank() ? null
                : normalise(fromEnvironment);
        // COMPOSE_PROFILES=debug,test, as "docker compose --profile debug --profile test".
        this.activeProfiles = Arrays.stream(environment.getOrDefault("COMPOSE_PROFILES", "").split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The name a file without {@code name:} gets: its directory's, normalised as compose does. */
    public static String defaultProjectName(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        String name = directory == null || directory.getFileName() == null ? ""
                : normalise(directory.getFileName().toString());
        return name.isEmpty() ? "compose" : name;
    }

    /**
     * Reads the file; variables come from this process's environment, overlaid on the {@code .env} file
     * beside it (the process wins, as in compose).
     *
     * @throws ComposeException with every problem found
     */
    public static ComposeProject parse(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fatal(absolute, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw fatal(absolute, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw fatal(absolute, "cannot read the file: " + e.getMessage());
        }
        return parseText(absolute, text);
    }

    /**
     * Reads {@code text}, the file's contents as edited but not saved, with the variables
     * {@link #parse(Path)} would use.
     *
     * @throws ComposeException with every problem found
     */
    public static ComposeProject parseText(Path file, String text) {
        Path absolute = file.toAbsolutePath().normalize();
        Map<String, String> environment = new HashMap<>(dotEnv(absolute));
        environment.putAll(System.getenv());
        return parse(absolute, text, environment);
    }

    /**
     * Reads {@code text} as if from {@code file}; {@code environment} is the complete variable lookup
     * (no {@code .env} is read). Env files the text names are read from disk, relative to {@code file}.
     *
     * @throws ComposeException with every problem found
     */
    public static ComposeProject parse(Path file, String text, Map<String, String> environment) {
        return new ComposeParser(file.toAbsolutePath().normalize(), new HashMap<>(environment)).read(text);
    }

    private static Map<String, String> dotEnv(Path composeFile) {
        Path dotEnv = composeFile.resolveSibling(".env");
        if (!Files.isRegularFile(dotEnv)) {
            return Map.of();
        }
        try {
            return EnvFile.parse(Files.readString(dotEnv, StandardCharsets.UTF_8), System::getenv).stream()
                    .map(entry -> entry.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (first, last) -> last));
        } catch (IOException e) {
            throw fatal(composeFile, "cannot read " + dotEnv + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw fatal(composeFile, ".env: " + e.getMessage());
        }
    }

    private static ComposeException fatal(Path file, String message) {
        return new ComposeException(List.of(new ComposeProblem(file, 1, 1, message)));
    }

    private ComposeProject read(String text) {
        Node root;
        try {
            // Editors on Windows may start the file with a byte order mark.
            String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            // SnakeYAML's words for a misindented line mean nothing to most users.
            if (problem.startsWith("expected <block end>")) {
                problem = "this line is indented differently from the lines above it";
            } else if (problem.contains("found another document")) {
                problem = "the file holds more than one YAML document";
            }
            throw new ComposeException(List.of(new ComposeProblem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "not valid YAML: " + problem)));
        } catch (YAMLException e) {
            throw fatal(file, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode)) {
            throw fatal(file, root == null ? "the file has no services"
                    : "the file has no services: it should be a mapping with services: at the top");
        }
        nodes.checkDuplicateKeys(root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        Map<String, Entry> top = new HashMap<>();
        for (Entry e : nodes.entries(root, "")) {
            switch (e.key()) {
                case "name", "services", "networks", "volumes" -> top.put(e.key(), e);
                case "version" -> { } // obsolete: the specification ignores it
                case "configs", "secrets" -> nodes.warning(e.keyNode(), e.key(), e.key() + " are not applied by Berth");
                case "include" -> nodes.problem(e.keyNode(), e.key(), "include is not supported by Berth:"
                        + " put the services in one file");
                default -> nodes.otherKey(e, "", TOP_LEVEL, Set.of(), "");
            }
        }
        String project = projectName(top.get("name"));
        List<ComposeResource> networks = resources(top.get("networks"), "networks", project, NETWORK_NOT_APPLIED,
                NetworkRules::name);
        List<ComposeResource> volumes = resources(top.get("volumes"), "volumes", project, VOLUME_NOT_APPLIED,
                ContainerRules::volumeName);
        List<ComposeService> services = services(top.get("services"), keys(networks), keys(volumes));
        boolean usesDefault = services.stream()
                .anyMatch(s -> s.networks().isEmpty() || s.networks().contains("default"));
        if (usesDefault && !keys(networks).contains("default")) {
            networks = new ArrayList<>(networks);
            networks.add(new ComposeResource("default", project + "_default", "", false, Map.of()));
        }
        if (!nodes.problems().isEmpty()) {
            throw new ComposeException(nodes.problems(), project.isEmpty() ? null : project);
        }
        return new ComposeProject(project, file, services, networks, volumes, activeProfiles, nodes.warnings());
    }

    private static Set<String> keys(List<ComposeResource> resources) {
        return resources.stream().map(ComposeResource::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * {@code COMPOSE_PROJECT_NAME} (from the environment or {@code .env}), else top-level
     * {@code name:}, else the directory's name, normalised: compose's order.
     */
    private String projectName(Entry name) {
        if (nameFromEnvironment != null && !nameFromEnvironment.isEmpty()) {
            if (name != null) {
                nodes.text(name.value(), "name"); // still checked, as compose does
            }
            return nameFromEnvironment;
        }
        Path directory = file.getParent();
        String written = name != null ? nodes.text(name.value(), "name")
                : directory == null || directory.getFileName() == null ? "" : directory.getFileName().toString();
        if (written == null) {
            if (YamlNodes.isNull(name.value())) {
                nodes.problem(name.keyNode(), "name", "the project name is empty");
            }
            return "";
        }
        String normalised = normalise(written);
        if (normalised.isEmpty() && name != null) {
            nodes.problem(name.value(), "name", "'" + written + "' has no letter or digit to make a project name of");
        } else if (normalised.isEmpty()) {
            nodes.problemAt(1, 1, "the directory name '" + written + "' makes no project name: add name: to the file");
        }
        return normalised;
    }

    /** Lower case, only {@code [a-z0-9_-]} kept, starting with a letter or digit. */
    static String normalise(String name) {
        String kept = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return kept.replaceFirst("^[_-]+", "");
    }

    private List<ComposeResource> resources(Entry section, String kind, String project, Set<String> notApplied,
                                            Function<String, Optional<String>> nameRule) {
        List<ComposeResource> out = new ArrayList<>();
        for (Entry e : section == null ? List.<Entry>of() : nodes.entries(section.value(), kind)) {
            String at = kind + "." + e.key();
            String driver = "";
            String name = null;
            Node nameNode = e.keyNode();
            boolean external = false;
            Map<String, String> labels = new LinkedHashMap<>();
            for (Entry field : nodes.entries(e.value(), at)) {
                String fieldAt = at + "." + field.key();
                switch (field.key()) {
                    case "driver" -> driver = nodes.text(field.value(), fieldAt);
                    case "external" -> {
                        if (field.value() instanceof MappingNode) {
                            nodes.problem(field.value(), fieldAt, "external is true or false; give the name with name:");
                        }
                        external = !(field.value() instanceof MappingNode)
                                && Boolean.TRUE.equals(nodes.bool(field.value(), fieldAt));
                    }
                    case "name" -> {
                        name = nodes.text(field.value(), fieldAt);
                        nameNode = field.value();
                    }
                    case "labels" -> nodes.keyValues(field.value(), fieldAt)
                            .forEach(kv -> labels.put(kv.key(), kv.value() == null ? "" : kv.value()));
                    default -> nodes.otherKey(field, at, RESOURCE_KEYS, notApplied, "");
                }
            }
            boolean named = name != null && !name.isEmpty();
            String engineName = named ? name : external ? e.key() : project + "_" + e.key();
            // A name derived from the key is checked at the key, one written with name: at its value.
            Node checkAt = nameNode;
            String checkPath = named ? at + ".name" : at;
            nameRule.apply(engineName).ifPresent(m -> nodes.problem(checkAt, checkPath, m));
            out.add(new ComposeResource(e.key(), engineName, driver, external, labels));
        }
        return out;
    }

    private List<ComposeService> services(Entry section, Set<String> networks, Set<String> volumes) {
        if (section == null) {
            nodes.problemAt(1, 1, "the file has no services");
            return List.of();
        }
        List<Entry> entries = nodes.entries(section.value(), "services");
        if (entries.isEmpty() && (YamlNodes.isNull(section.value()) || section.value() instanceof MappingNode)) {
            nodes.problem(section.keyNode(), "services", "add at least one service");
        }
        Set<String> names = entries.stream().map(Entry::key).collect(Collectors.toSet());
        List<ComposeService> services = new ArrayList<>();
        DependencyReader dependsOn = new DependencyReader(nodes);
        Map<String, List<DependencyReader.Dependency>> graph = new LinkedHashMap<>();
        for (Entry entry : entries) {
            ServiceReader reader = new ServiceReader(nodes, file.getParent(), volumes);
            if (reader.read(entry)) {
                String at = "services." + entry.key();
                List<DependencyReader.Dependency> dependencies = dependsOn.read(entry.key(), reader.dependsOn(),
                        at + ".depends_on", names);
                graph.put(entry.key(), dependencies);
                Map<String, ComposeService.Condition> waitFor = new LinkedHashMap<>();
                dependencies.stream().filter(d -> d.condition() != null)
                        .forEach(d -> waitFor.put(d.service(), d.condition()));
                services.add(reader.service(networks(reader.networks(), at + ".networks", networks),
                        dependencies.stream().map(DependencyReader.Dependency::service).distinct().toList(), waitFor));
            }
        }
        dependsOn.reportCycles(graph);
        return services;
    }

    /** A list of network keys, or a mapping of key to options Berth does not apply. */
    private List<String> networks(Node value, String at, Set<String> declared) {
        Set<String> joined = new LinkedHashSet<>();
        if (value instanceof MappingNode) {
            for (Entry e : nodes.entries(value, at)) {
                String networkAt = at + "." + e.key();
                join(e.key(), e.keyNode(), networkAt, declared, joined);
                for (Entry option : nodes.entries(e.value(), networkAt)) {
                    nodes.otherKey(option, networkAt, Set.of(), SERVICE_NETWORK_NOT_APPLIED, "network ");
                }
            }
        } else {
            nodes.eachItem(value, at, (item, itemAt) -> join(nodes.text(item, itemAt), item, itemAt, declared, joined));
        }
        // Only the default network is what an empty list means.
        return joined.equals(Set.of("default")) ? List.of() : List.copyOf(joined);
    }

    private void join(String network, Node node, String at, Set<String> declared, Set<String> joined) {
        if (network != null && !network.equals("default") && !declared.contains(network)) {
            nodes.problem(node, at, "network '" + network + "' is not declared under the top-level networks:");
        } else if (network != null) {
            joined.add(network);
        }
    }
}
