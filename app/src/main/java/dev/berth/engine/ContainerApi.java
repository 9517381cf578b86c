package dev.berth.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Container operations of the {@link Engine} facade. */
public final class ContainerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DockerHttpClient.Request.Method GET = DockerHttpClient.Request.Method.GET;

    private final Engine engine;

    ContainerApi(Engine engine) {
        this.engine = engine;
    }

    /** Every container, stopped ones included (like {@code docker ps -a}). */
    public List<ContainerSummary> list() {
        return engine.call(c -> c.listContainersCmd().withShowAll(true).exec())
                .stream().map(ContainerApi::summary).toList();
    }

    /** Containers carrying the given label value. */
    public List<ContainerSummary> listByLabel(String key, String value) {
        return engine.call(c -> c.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(key, value)).exec())
                .stream().map(ContainerApi::summary).toList();
    }

    /** The containers with these IDs that still exist, in one engine call. */
    public List<ContainerSummary> listByIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return engine.call(c -> c.listContainersCmd().withShowAll(true).withIdFilter(ids).exec())
                .stream().map(ContainerApi::summary).toList();
    }

    /** The container with this exact ID, if it still exists. */
    public Optional<ContainerSummary> find(String id) {
        return engine.call(c -> c.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec())
                .stream().filter(container -> container.getId().equals(id)).findFirst().map(ContainerApi::summary);
    }

    /**
     * Creates (does not start) a container with every setting of the spec, as {@code docker create}
     * with the equivalent flags would; returns its ID.
     *
     * @throws IllegalArgumentException when the spec's env file cannot be read (before any engine call)
     */
    public String create(ContainerSpec spec) {
        return create(spec, List.of());
    }

    /**
     * Creates a container as {@link #create(ContainerSpec)} does, also known on its network by
     * {@code aliases} (compose makes a service reachable by its name this way).
     */
    public String create(ContainerSpec spec, List<String> aliases) {
        return create(spec, aliases, null);
    }

    /** Creates a container as {@link #create(ContainerSpec, List)} does, with a health check (or null). */
    public String create(ContainerSpec spec, List<String> aliases, HealthCheck health) {
        List<String> env = environment(spec);
        return engine.call(c -> {
            CreateContainerCmd cmd = c.createContainerCmd(spec.image()).withLabels(spec.labels());
            if (spec.name() != null) {
                cmd.withName(spec.name());
            }
            if (!spec.entrypoint().isEmpty()) {
                cmd.withEntrypoint(spec.entrypoint().get(0));
            }
            if (!spec.arguments().isEmpty()) {
                cmd.withCmd(spec.arguments());
            }
            if (!env.isEmpty()) {
                cmd.withEnv(env);
            }
            if (!spec.workingDir().isEmpty()) {
                cmd.withWorkingDir(spec.workingDir());
            }
            if (!spec.user().isEmpty()) {
                cmd.withUser(spec.user());
            }
            if (health != null) {
                cmd.withHealthcheck(healthCheck(health));
            }
            HostConfig host = HostConfig.newHostConfig()
                    .withRestartPolicy(restartPolicy(spec.restart()))
                    .withAutoRemove(spec.autoRemove());
            if (!spec.ports().isEmpty()) {
                Set<ExposedPort> exposed = new LinkedHashSet<>();
                Ports bindings = new Ports();
                for (PortPublish publish : spec.ports()) {
                    for (PortPublish.Binding b : publish.bindings()) {
                        ExposedPort port = new ExposedPort(b.containerPort(), InternetProtocol.parse(b.protocol()));
                        exposed.add(port);
                        bindings.bind(port, new Ports.Binding(b.hostIp(), b.hostPort()));
                    }
                }
                cmd.withExposedPorts(List.copyOf(exposed));
                host.withPortBindings(bindings);
            }
            if (!spec.mounts().isEmpty()) {
                host.withMounts(spec.mounts().stream().map(ContainerApi::mount).toList());
            }
            if (spec.network() != null) {
                host.withNetworkMode(spec.network());
                if (!aliases.isEmpty()) {
                    cmd.withAliases(aliases);
                }
            }
            return cmd.withHostConfig(host).exec().getId();
        });
    }

    /**
     * Creates and starts a container. When it cannot start (a port already taken, a missing
     * executable), the container just created is removed again, so nothing is left half-made.
     */
    public String run(ContainerSpec spec) {
        String id = create(spec);
        try {
            start(id);
        } catch (EngineException e) {
            try {
                remove(id, true, true);
            } catch (EngineException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return id;
    }

    /**
     * The env file's entries first, then the spec's own, in the CLI's order. A variable set in both
     * is sent once, with the spec's value: the engine would pass both on and leave the winner to
     * the program.
     */
    private static List<String> environment(ContainerSpec spec) {
        List<String> env = new ArrayList<>();
        if (spec.envFile() != null) {
            try {
                for (String entry : EnvFile.read(Path.of(spec.envFile()))) {
                    if (!spec.env().containsKey(entry.substring(0, entry.indexOf('=')))) {
                        env.add(entry);
                    }
                }
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("Cannot read the env file " + spec.envFile() + ": "
                        + e.getCause().getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The env file " + spec.envFile() + " is not valid: "
                        + e.getMessage(), e);
            }
        }
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }

    private static Mount mount(MountSpec spec) {
        Mount mount = new Mount().withType(switch (spec.kind()) {
            case VOLUME -> MountType.VOLUME;
            case BIND -> MountType.BIND;
            case TMPFS -> MountType.TMPFS;
        }).withTarget(spec.target());
        if (!spec.source().isEmpty() && spec.kind() != MountSpec.Kind.TMPFS) {
            mount.withSource(spec.source());
        }
        if (spec.readOnly()) {
            mount.withReadOnly(true);
        }
        if (spec.kind() == MountSpec.Kind.TMPFS && spec.tmpfsSizeBytes() > 0) {
            mount.withTmpfsOptions(new TmpfsOptions().withSizeBytes(spec.tmpfsSizeBytes()));
        }
        return mount;
    }

    private static com.github.dockerjava.api.model.HealthCheck healthCheck(HealthCheck health) {
        com.github.dockerjava.api.model.HealthCheck check = new com.github.dockerjava.api.model.HealthCheck()
                .withTest(health.test());
        if (health.interval() != null) {
            check.withInterval(health.interval().toNanos());
        }
        if (health.timeout() != null) {
            check.withTimeout(health.timeout().toNanos());
        }
        if (health.startPeriod() != null) {
            check.withStartPeriod(health.startPeriod().toNanos());
        }
        if (health.retries() > 0) {
            check.withRetries(health.retries());
        }
        return check;
    }

    /** Named as the CLI names them ("no" rather than docker-java's empty default). */
    private static com.github.dockerjava.api.model.RestartPolicy restartPolicy(RestartPolicy policy) {
        return JSON.convertValue(Map.of("Name", policy.kind().word(), "MaximumRetryCount", policy.maxRetries()),
                com.github.dockerjava.api.model.RestartPolicy.class);
    }

    public void start(String id) {
        ignoringNotModified(() -> engine.run(c -> c.startContainerCmd(id).exec()));
    }

    public void stop(String id) {
        ignoringNotModified(() -> engine.run(c -> c.stopContainerCmd(id).exec()));
    }

    public void restart(String id) {
        engine.run(c -> c.restartContainerCmd(id).exec());
    }

    public void pause(String id) {
        engine.run(c -> c.pauseContainerCmd(id).exec());
    }

    public void unpause(String id) {
        engine.run(c -> c.unpauseContainerCmd(id).exec());
    }

    /** Sends SIGKILL. */
    public void kill(String id) {
        kill(id, "SIGKILL");
    }

    /** Sends a signal, e.g. {@code SIGHUP} or {@code 9}. */
    public void kill(String id, String signal) {
        engine.run(c -> c.killContainerCmd(id).withSignal(signal).exec());
    }

    public void rename(String id, String newName) {
        engine.run(c -> c.renameContainerCmd(id).withName(newName).exec());
    }

    /**
     * Saves the container's file system and settings as an image ({@code docker commit}).
     *
     * @param repository image name, e.g. {@code myapp}
     * @param tag        tag, or empty for latest
     * @param message    commit message, or empty
     * @param author     author, or empty
     * @return the new image's ID
     */
    public String commit(String id, String repository, String tag, String message, String author) {
        // docker-java sends the message under a parameter name the engine no longer reads.
        StringBuilder path = new StringBuilder("/commit?container=").append(encode(id))
                .append("&repo=").append(encode(repository));
        if (tag != null && !tag.isEmpty()) {
            path.append("&tag=").append(encode(tag));
        }
        if (message != null && !message.isEmpty()) {
            path.append("&comment=").append(encode(message));
        }
        if (author != null && !author.isEmpty()) {
            path.append("&author=").append(encode(author));
        }
        String answer = engine.call(c -> request(c, DockerHttpClient.Request.Method.POST, path.toString()));
        try {
            return JSON.readTree(answer).path("Id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a container; {@code force} stops a running one first, {@code removeVolumes} also
     * removes its anonymous volumes. */
    public void remove(String id, boolean force, boolean removeVolumes) {
        engine.run(c -> c.removeContainerCmd(id).withForce(force).withRemoveVolumes(removeVolumes).exec());
    }

    /** Everything {@code docker inspect} says, with the engine's JSON unchanged. */
    public ContainerDetails inspect(String id) {
        return ContainerDetails.parse(engine.call(c -> request(c, GET, "/containers/" + encode(id) + "/json")));
    }

    /** Files changed in the container's writable layer ({@code docker diff}), sorted by path. */
    public List<FileChange> diff(String id) {
        List<ChangeLog> changes = engine.call(c -> c.containerDiffCmd(id).exec());
        if (changes == null) {
            return List.of();
        }
        return changes.stream().map(ch -> new FileChange(ch.getPath(), FileChange.Kind.of(ch.getKind())))
                .sorted((a, b) -> a.path().compareTo(b.path())).toList();
    }

    /**
     * The settings the container was created with, as a spec to run another like it: what differs
     * from its image's defaults, without a name and without compose's labels (the copy is not part
     * of the project).
     */
    public ContainerSpec specOf(String id) {
        return engine.call(c -> {
            String container = request(c, GET, "/containers/" + encode(id) + "/json");
            String imageId = ContainerDetails.parse(container).imageId();
            String image = request(c, GET, "/images/" + encode(imageId) + "/json");
            return SpecFromInspect.spec(container, image);
        });
    }

    /** Names of the networks a container can join, sorted. */
    public List<String> networks() {
        return engine.call(c -> c.listNetworksCmd().exec()).stream().map(Network::getName).sorted().toList();
    }

    /** A raw request, for answers Berth shows as the engine wrote them and calls docker-java gets wrong. */
    private static String request(DockerClient client, DockerHttpClient.Request.Method method, String path) {
        DockerHttpClient http = ((DockerClientImpl) client).getHttpClient();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(method).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request);
             InputStream body = response.getBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() / 100 != 2) {
                throw new EngineException(response.getStatusCode(), ErrorMessages.engineMessage(text), null);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Starting a running container (or stopping a stopped one) is not an error for a user. */
    private static void ignoringNotModified(Runnable call) {
        try {
            call.run();
        } catch (EngineException e) {
            if (!(e.getCause() instanceof NotModifiedException) && e.status() != 304) {
                throw e;
            }
        }
    }

    static ContainerSummary summary(Container c) {
        String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        List<PortMapping> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            Arrays.stream(c.getPorts()).map(ContainerApi::port).distinct().forEach(ports::add);
        }
        return new ContainerSummary(c.getId(), name, c.getImage(), c.getImageId(), ContainerState.of(c.getState()),
                c.getStatus() == null ? "" : c.getStatus(), ports,
                c.getCreated() == null ? Instant.EPOCH : Instant.ofEpochSecond(c.getCreated()),
                c.getLabels() == null ? Map.of() : c.getLabels(), c.getCommand());
    }

    private static PortMapping port(ContainerPort p) {
        return new PortMapping(p.getIp(), p.getPublicPort() == null ? 0 : p.getPublicPort(),
                p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
                p.getType() == null ? "tcp" : p.getType().toLowerCase(Locale.ROOT));
    }
}
