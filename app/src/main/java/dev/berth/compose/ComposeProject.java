package dev.berth.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed compose file: what {@code up} creates and {@code down} removes.
 *
 * @param name       project name (top-level {@code name:}, else the file's directory), as compose
 *                   normalises it
 * @param file       the compose file, absolute
 * @param services   services in file order
 * @param networks   networks in file order, with {@code default} added when a service uses it
 * @param volumes    named volumes in file order
 * @param warnings   keys of the compose specification that Berth reads but does not apply
 *                   (e.g. {@code deploy}), so the user knows what differs from {@code docker compose}
 */
public record ComposeProject(String name, Path file, List<ComposeService> services, List<ComposeResource> networks,
                             List<ComposeResource> volumes, List<ComposeProblem> warnings) {

    public ComposeProject {
        services = List.copyOf(services);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        warnings = List.copyOf(warnings);
    }

    /**
     * The same project under another name, as {@code docker compose -p name} runs it: networks and
     * volumes named after the project are renamed with it.
     */
    public ComposeProject withName(String other) {
        return new ComposeProject(other, file, services, renamed(networks, other), renamed(volumes, other), warnings);
    }

    private List<ComposeResource> renamed(List<ComposeResource> resources, String other) {
        return resources.stream().map(r -> r.external() || !r.engineName().equals(name + "_" + r.key()) ? r
                : new ComposeResource(r.key(), other + "_" + r.key(), r.driver(), false, r.labels())).toList();
    }

    /** The directory relative paths in the file start from. */
    public Path directory() {
        return file.getParent();
    }

    public Optional<ComposeService> service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    public Optional<ComposeResource> network(String key) {
        return networks.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    public Optional<ComposeResource> volume(String key) {
        return volumes.stream().filter(v -> v.key().equals(key)).findFirst();
    }
}
