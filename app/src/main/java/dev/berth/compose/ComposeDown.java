package dev.berth.compose;

import dev.berth.engine.ContainerDetails;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a stack down as {@code docker compose down [-v]} does: stops and removes every container of
 * the project, then the networks it made, then (only when asked) its volumes. Works from labels,
 * so it needs no compose file, and takes down stacks that the compose CLI started too.
 */
public final class ComposeDown {

    private final Engine engine;

    public ComposeDown(Engine engine) {
        this.engine = engine;
    }

    /** Reads what {@link #down} would remove. */
    public DownPlan plan(String project, boolean withVolumes) {
        Map<String, String> label = Map.of(ComposeLabels.PROJECT, project);
        return new DownPlan(project,
                engine.containers().listByLabel(ComposeLabels.PROJECT, project),
                engine.networks().list().stream().filter(n -> n.labels().entrySet().containsAll(label.entrySet()))
                        .toList(),
                withVolumes ? engine.volumes().list().stream()
                        .filter(v -> v.labels().entrySet().containsAll(label.entrySet())).toList() : List.of(),
                withVolumes);
    }

    /**
     * Removes what the plan lists, on the calling thread, going on past failures and reporting all
     * of them at the end. Containers stop gracefully first, as the CLI's do.
     *
     * @throws EngineException naming each thing that could not be removed
     */
    public void down(DownPlan plan, UpListener listener) {
        int total = plan.containers().size() + plan.networks().size() + plan.volumes().size();
        int done = 0;
        List<String> failures = new ArrayList<>();
        Set<String> anonymous = new LinkedHashSet<>();
        for (ContainerSummary c : plan.containers()) {
            listener.step("Removing container " + c.name(), done++, total);
            attempt(failures, "container " + c.name(), () -> {
                if (plan.volumesToo()) {
                    // An anonymous volume a replaced container handed on is mounted by name, so the
                    // engine's "remove with volumes" leaves it: remove it here.
                    engine.containers().inspect(c.id()).mounts().stream()
                            .filter(ContainerDetails.MountInfo::isAnonymousVolume)
                            .forEach(m -> anonymous.add(m.name()));
                }
                engine.containers().stop(c.id());
                engine.containers().remove(c.id(), true, plan.volumesToo());
            });
        }
        for (String volume : anonymous) {
            attempt(failures, "volume " + volume, () -> engine.volumes().remove(volume));
        }
        for (var n : plan.networks()) {
            listener.step("Removing network " + n.name(), done++, total);
            attempt(failures, "network " + n.name(), () -> engine.networks().remove(n.id()));
        }
        for (var v : plan.volumes()) {
            listener.step("Removing volume " + v.name(), done++, total);
            attempt(failures, "volume " + v.name(), () -> engine.volumes().remove(v.name()));
        }
        listener.step("Down", total, total);
        if (!failures.isEmpty()) {
            throw new EngineException(-1, "Could not remove " + String.join("; ", failures), null);
        }
    }

    private static void attempt(List<String> failures, String what, Runnable action) {
        try {
            action.run();
        } catch (EngineException e) {
            if (!e.isNotFound()) {
                failures.add(what + ": " + e.getMessage());
            }
        }
    }
}
