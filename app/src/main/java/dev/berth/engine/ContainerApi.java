package dev.berth.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Container operations of the {@link Engine} facade. */
public final class ContainerApi {

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

    /** Creates (does not start) a container; returns its ID. */
    public String create(ContainerSpec spec) {
        return engine.call(c -> {
            CreateContainerCmd cmd = c.createContainerCmd(spec.image()).withLabels(spec.labels());
            if (spec.name() != null && !spec.name().isBlank()) {
                cmd.withName(spec.name());
            }
            if (!spec.command().isEmpty()) {
                cmd.withCmd(spec.command());
            }
            return cmd.exec().getId();
        });
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

    /**
     * Removes a container; {@code force} stops a running one first, {@code removeVolumes} also
     * removes its anonymous volumes.
     */
    public void remove(String id, boolean force, boolean removeVolumes) {
        engine.run(c -> c.removeContainerCmd(id).withForce(force).withRemoveVolumes(removeVolumes).exec());
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
                p.getPrivatePort() == null ? 0 : p.getPrivatePort(), p.getType() == null ? "tcp" : p.getType());
    }
}
