package dev.berth.compose;

import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerDetails;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineException;
import dev.berth.engine.HealthCheck;
import dev.berth.engine.MountSpec;
import dev.berth.engine.build.BuildListener;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.BuildStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings a compose project up as {@code docker compose up -d} does: builds or checks images,
 * creates its networks and volumes, then creates and starts each service's container after the
 * services it depends on. A container whose configuration is unchanged is kept (started if it was
 * stopped); a changed one is replaced.
 */
public final class ComposeUp {

    private final Engine engine;
    private final DockerConfig credentials;

    /** Pulls with the credentials {@code docker login} saved for this user. */
    public ComposeUp(Engine engine) {
        this(engine, DockerConfig.forThisUser());
    }

    public ComposeUp(Engine engine, DockerConfig credentials) {
        this.engine = engine;
        this.credentials = credentials;
    }

    /**
     * Runs on the calling thread.
     *
     * @throws EngineException when the engine refuses a step (the message names the service or resource)
     * @throws IllegalStateException when an image is missing or an external network or volume does not exist
     */
    public void up(ComposeProject project, UpListener listener, Cancellation cancellation) {
        List<ComposeService> enabled = enabled(project);
        List<ComposeService> order = startOrder(enabled);
        Set<String> used = usedNetworks(enabled);
        List<ComposeResource> networks = project.networks().stream().filter(n -> used.contains(n.key())).toList();
        int total = order.size() * 2 + networks.size() + project.volumes().size();
        int done = 0;
        Map<String, String> images = new LinkedHashMap<>();
        for (ComposeService service : order) {
            cancellation.check();
            images.put(service.name(), imageIdFor(project, service, listener, done, total, cancellation));
            done++;
        }
        for (ComposeResource network : networks) {
            cancellation.check();
            listener.step("Network " + network.engineName(), done++, total);
            ensureNetwork(project, network);
        }
        for (ComposeResource volume : project.volumes()) {
            cancellation.check();
            listener.step("Volume " + volume.engineName(), done++, total);
            ensureVolume(project, volume);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        DependencyWait waits = new DependencyWait(engine);
        for (ComposeService service : order) {
            cancellation.check();
            for (Map.Entry<String, ComposeService.Condition> wait : service.waitFor().entrySet()) {
                listener.step("Waiting for " + wait.getKey() + (wait.getValue() == ComposeService.Condition.HEALTHY
                        ? " to be healthy" : " to finish"), done, total);
                waits.await(wait.getKey(), ids.get(wait.getKey()), wait.getValue(), service.name(), cancellation);
            }
            listener.step("Container " + containerName(project, service), done++, total);
            ids.put(service.name(), upService(project, service, images.get(service.name())));
        }
        listener.step("Up", total, total);
    }

    /**
     * The services the active profiles run. One that depends on a service left out is an error, as
     * in compose: a dependency is not turned on behind the user's back.
     */
    private static List<ComposeService> enabled(ComposeProject project) {
        List<ComposeService> enabled = project.enabledServices();
        Set<String> names = enabled.stream().map(ComposeService::name).collect(Collectors.toSet());
        for (ComposeService s : enabled) {
            for (String dependency : s.dependsOn()) {
                if (!names.contains(dependency)) {
                    throw new IllegalStateException("Service " + s.name() + " depends on " + dependency
                            + ", which runs only with the profile " + String.join(" or ", project.service(dependency)
                            .map(ComposeService::profiles).orElse(List.of())) + ": turn it on first");
                }
            }
        }
        return enabled;
    }

    /** Services so that each comes after those it depends on; otherwise in file order. */
    static List<ComposeService> startOrder(List<ComposeService> services) {
        List<ComposeService> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < services.size()) {
            boolean progress = false;
            for (ComposeService s : services) {
                if (!placed.contains(s.name()) && placed.containsAll(s.dependsOn())) {
                    order.add(s);
                    placed.add(s.name());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("The services depend on each other in a cycle");
            }
        }
        return order;
    }

    /** The image a service runs: its {@code image:}, or {@code <project>-<service>} when it only builds. */
    public static String imageOf(ComposeProject project, ComposeService service) {
        return service.image() != null ? service.image() : project.name() + "-" + service.name();
    }

    public static String containerName(ComposeProject project, ComposeService service) {
        return service.containerName() != null ? service.containerName()
                : project.name() + "-" + service.name() + "-1";
    }

    private String imageIdFor(ComposeProject project, ComposeService service, UpListener listener, int done,
                              int total, Cancellation cancellation) {
        String image = imageOf(project, service);
        if (service.build() != null) {
            listener.step("Building " + image, done, total);
            BuildRequest request = BuildRequest.of(service.build().context(), engine.builds().preferredBuilder())
                    .withDockerfile(service.build().context().resolve(service.build().dockerfile()))
                    .withTags(image)
                    .withBuildArgs(service.build().args())
                    .withTarget(service.build().target());
            // Each step shows in the progress line as it comes, as the CLI prints "[2/5] RUN make".
            BuildListener steps = new BuildListener() {
                @Override
                public void step(BuildStep step) {
                    if (step.isDockerfileStep()) {
                        listener.step("Building " + image + ": " + step.title(), done, total);
                    }
                }
            };
            BuildResult result = engine.builds().build(request, steps, cancellation);
            if (!result.succeeded()) {
                throw new IllegalStateException("Building " + image + " for service " + service.name() + " failed: "
                        + result.error());
            }
            return result.imageId();
        }
        listener.step("Checking image " + image, done, total);
        if (!engine.images().exists(image)) {
            // As compose's default pull policy ("missing"): pull only what is not here.
            listener.step("Pulling " + image, done, total);
            try {
                engine.registries().pull(image, credentials, TransferListener.NONE, cancellation);
            } catch (EngineException e) {
                throw new IllegalStateException("Service " + service.name() + " needs the image " + image
                        + ", which is not on this engine, and pulling it failed: " + e.getMessage(), e);
            }
        }
        return engine.images().idOf(image);
    }

    private static Set<String> usedNetworks(List<ComposeService> services) {
        Set<String> keys = new LinkedHashSet<>();
        for (ComposeService s : services) {
            keys.addAll(s.networks().isEmpty() ? List.of("default") : s.networks());
        }
        return keys;
    }

    private void ensureNetwork(ComposeProject project, ComposeResource network) {
        boolean exists = engine.networks().list().stream().anyMatch(n -> n.name().equals(network.engineName()));
        if (exists) {
            return;
        }
        if (network.external()) {
            throw new IllegalStateException("The external network " + network.engineName() + " does not exist");
        }
        Map<String, String> labels = new LinkedHashMap<>(network.labels());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.NETWORK, network.key());
        engine.networks().create(network.engineName(), network.driver(), null, null, false, false, labels);
    }

    private void ensureVolume(ComposeProject project, ComposeResource volume) {
        boolean exists = engine.volumes().list().stream().anyMatch(v -> v.name().equals(volume.engineName()));
        if (exists) {
            return;
        }
        if (volume.external()) {
            throw new IllegalStateException("The external volume " + volume.engineName() + " does not exist");
        }
        Map<String, String> labels = new LinkedHashMap<>(volume.labels());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.VOLUME, volume.key());
        engine.volumes().create(volume.engineName(), volume.driver(), labels, Map.of());
    }

    /** Keeps, starts, replaces or creates the service's container; returns its ID. */
    private String upService(ComposeProject project, ComposeService service, String imageId) {
        List<String> networks = service.networks().isEmpty() ? List.of("default") : service.networks();
        List<String> networkNames = networks.stream()
                .map(key -> project.network(key).map(ComposeResource::engineName).orElse(project.name() + "_" + key))
                .toList();
        ContainerSpec spec = spec(project, service, networkNames.get(0));
        String hash = hash(spec + "|" + networkNames + "|" + imageId
                + (service.healthcheck() == null ? "" : "|" + service.healthcheck()));
        spec = spec.withLabel(ComposeLabels.CONFIG_HASH, hash);

        // Containers of "docker compose run" are the user's own; only the service's own are managed here.
        List<ContainerSummary> managed = engine.containers().listByLabel(ComposeLabels.PROJECT, project.name())
                .stream().filter(c -> service.name().equals(c.labels().get(ComposeLabels.SERVICE))
                        && !ComposeLabels.isOneOff(c)).toList();
        ContainerSummary existing = managed.stream()
                .filter(c -> "1".equals(c.labels().getOrDefault(ComposeLabels.NUMBER, "1"))).findFirst()
                .orElse(managed.isEmpty() ? null : managed.get(0));
        try {
            // One container per service: replicas a scaled stack added go, as "up" with scale 1 does.
            for (ContainerSummary extra : managed) {
                if (extra != existing) {
                    engine.containers().stop(extra.id());
                    engine.containers().remove(extra.id(), true, false);
                }
            }
            if (existing != null && hash.equals(existing.labels().get(ComposeLabels.CONFIG_HASH))) {
                if (existing.state() != ContainerState.RUNNING) {
                    engine.containers().start(existing.id());
                }
                return existing.id();
            }
            if (existing != null) {
                spec = spec.withMounts(keepAnonymousVolumes(spec.mounts(), existing.id()));
                engine.containers().stop(existing.id());
                engine.containers().remove(existing.id(), true, false);
            }
            createHostDirectories(service, spec);
            return create(spec, networkNames, service.healthcheck());
        } catch (EngineException e) {
            throw new EngineException(e.status(), "Service " + service.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A bind mount's missing host directory is made first, as compose does; the engine's mount
     * API would refuse it. (The engine is the local one, so its host paths are this machine's.)
     */
    private static void createHostDirectories(ComposeService service, ContainerSpec spec) {
        for (MountSpec m : spec.mounts()) {
            Path source = m.kind() == MountSpec.Kind.BIND ? Path.of(m.source()) : null;
            if (source != null && !Files.exists(source)) {
                try {
                    Files.createDirectories(source);
                } catch (IOException e) {
                    throw new IllegalStateException("Service " + service.name() + ": cannot create " + source
                            + " to mount it: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Creates, connects and starts; a container that does not get that far is removed, not kept half-made. */
    private String create(ContainerSpec spec, List<String> networkNames, HealthCheck health) {
        List<String> aliases = List.of(spec.labels().get(ComposeLabels.SERVICE));
        String id = engine.containers().create(spec, aliases, health);
        try {
            for (String other : networkNames.subList(1, networkNames.size())) {
                engine.networks().connect(other, id, aliases);
            }
            engine.containers().start(id);
            return id;
        } catch (EngineException e) {
            try {
                engine.containers().remove(id, true, false);
            } catch (EngineException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * A replaced container's anonymous volumes go to its successor, as compose does, so a database
     * whose image declares {@code VOLUME} keeps its data when its settings change.
     */
    private List<MountSpec> keepAnonymousVolumes(List<MountSpec> mounts, String oldId) {
        Map<String, String> anonymous = new LinkedHashMap<>();
        for (ContainerDetails.MountInfo m : engine.containers().inspect(oldId).mounts()) {
            if (m.isAnonymousVolume()) {
                anonymous.put(m.destination(), m.name());
            }
        }
        List<MountSpec> kept = new ArrayList<>();
        for (MountSpec m : mounts) {
            String old = anonymous.remove(m.target());
            boolean takeOld = old != null && m.kind() == MountSpec.Kind.VOLUME && m.source().isEmpty();
            kept.add(takeOld ? new MountSpec(MountSpec.Kind.VOLUME, old, m.target(), m.readOnly(), 0) : m);
        }
        // What is left the image declared: mount the same volumes at the same places.
        anonymous.forEach((target, name) -> kept.add(MountSpec.volume(name, target)));
        return kept;
    }

    private static ContainerSpec spec(ComposeProject project, ComposeService service, String network) {
        Map<String, String> labels = new LinkedHashMap<>(service.labels());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.SERVICE, service.name());
        labels.put(ComposeLabels.NUMBER, "1");
        labels.put(ComposeLabels.ONEOFF, "False");
        labels.put(ComposeLabels.WORKING_DIR, project.directory().toString());
        labels.put(ComposeLabels.CONFIG_FILES, project.file().toString());
        List<MountSpec> mounts = service.mounts().stream().map(m -> m.kind() == MountSpec.Kind.VOLUME
                && !m.source().isEmpty() ? new MountSpec(m.kind(), project.volume(m.source())
                .map(ComposeResource::engineName).orElse(m.source()), m.target(), m.readOnly(), 0) : m).toList();
        return new ContainerSpec(imageOf(project, service), containerName(project, service), service.entrypoint(),
                service.command(), service.environment(), null, service.ports(), mounts, network, service.restart(),
                labels, service.workingDir(), service.user(), false);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
