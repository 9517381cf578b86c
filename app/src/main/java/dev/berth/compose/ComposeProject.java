package dev.berth.compose;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A parsed compose file: what {@code up} creates and {@code down} removes.
 *
 * @param name       project name (top-level {@code name:}, else the file's directory), as compose
 *                   normalises it
 * @param file       the compose file, absolute
 * @param services   services in file order
 * @param networks   networks in file order, with {@code default} added when a service uses it
 * @param volumes    named volumes in file order
 * @param profiles   the profiles active: from {@code COMPOSE_PROFILES}, or as chosen on the page
 * @param warnings   keys of the compose specification that Berth reads but does not apply
 *                   (e.g. {@code deploy}), so the user knows what differs from {@code docker compose}
 */
public record ComposeProject(String name, Path file, List<ComposeService> services, List<ComposeResource> networks,
                             List<ComposeResource> volumes, Set<String> profiles, List<ComposeProblem> warnings) {

    public ComposeProject {
        services = List.copyOf(services);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        profiles = Collections.unmodifiableSet(new TreeSet<>(profiles));
        warnings = List.copyOf(warnings);
    }

    /**
     * The same project under another name, as {@code docker compose -p name} runs it: networks and
     * volumes named after the project are renamed with it.
     */
    public ComposeProject withName(String other) {
        return new ComposeProject(other, file, services, renamed(networks, other), renamed(volumes, other), profiles,
                warnings);
    }

    private List<ComposeResource> renamed(List<ComposeResource> resources, String other) {
        return resources.stream().map(r -> r.external() || !r.engineName().equals(name + "_" + r.key()) ? r
                : new ComposeResource(r.key(), other + "_" + r.key(), r.driver(), false, r.labels())).toList();
    }

    /** The same project with other profiles active. */
    public ComposeProject withProfiles(Set<String> active) {
        return new ComposeProject(name, file, services, networks, volumes, active, warnings);
    }

    /** Every profile a service names, sorted. */
    public Set<String> allProfiles() {
        return services.stream().flatMap(s -> s.profiles().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The services that run with the active profiles, in file order. */
    public List<ComposeService> enabledServices() {
        return services.stream().filter(s -> s.enabledWith(profiles)).toList();
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
